import {Box, Text} from 'ink';
import React from 'react';
import type {Line} from '../document/layout.js';
import type {Theme} from '../theme.js';

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
		<Box flexDirection="column" width={width} flexShrink={0} overflow="hidden">
			<Text wrap="truncate-end">{title}</Text>
			{visible.map((line, index) => {
				const isCursor = cursor !== undefined && line.entry === cursor;
				const isFirst = isCursor && lines[scroll + index - 1]?.entry !== cursor;
				return (
					<Text key={scroll + index} wrap="truncate-end">
						{isCursor ? theme.accent(isFirst ? '› ' : '│ ') : '  '}
						{line.text}
					</Text>
				);
			})}
		</Box>
	);
}
