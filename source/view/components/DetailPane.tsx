import {Box, Text} from 'ink';
import React from 'react';
import type {Line} from '../../document/layout.js';
import type {Theme} from '../theme.js';
import {gutter} from '../lines.js';

type Props = {
	/** The pane's title line, already fitted to the width. */
	readonly title: string;
	readonly lines: readonly Line[];
	readonly scroll: number;
	readonly height: number;
	readonly width: number;
	/** Entry under the cursor, or undefined when the pane has no focus. */
	readonly cursor: number | undefined;
	readonly theme: Theme;
};

/** A window of `height` lines of the section, with a cursor gutter. */
export function DetailPane({title, lines, scroll, height, width, cursor, theme}: Props): React.JSX.Element {
	const visible = lines.slice(scroll, scroll + height);
	return (
		// Only the height is clipped: every line is cut to the width by its own Text, and clipping
		// the width too would have Ink slice every line again on every frame.
		<Box flexDirection="column" width={width} flexShrink={0} overflowY="hidden">
			<Text wrap="truncate-end">{title}</Text>
			{visible.map((line, index) => {
				const isCursor = cursor !== undefined && line.entry === cursor;
				const isFirst = isCursor && lines[scroll + index - 1]?.entry !== cursor;
				return <PaneLine key={scroll + index} gutter={gutter(isCursor, isFirst, theme)} text={line.text} />;
			})}
		</Box>
	);
}

/** One line and its cursor gutter; React skips the lines a key left as they were. */
const PaneLine = React.memo(function PaneLine({gutter, text}: {readonly gutter: string; readonly text: string}): React.JSX.Element {
	return (
		<Text wrap="truncate-end">
			{gutter}
			{text}
		</Text>
	);
});
