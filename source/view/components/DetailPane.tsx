import {Box, Text} from 'ink';
import React from 'react';
import type {PaneRow} from '../frame.js';

type Props = {
	/** The pane's title line, already fitted to the width. */
	readonly title: string;
	/** The lines in view, each with its cursor gutter. */
	readonly rows: readonly PaneRow[];
	/** Which line of the section the first row is: rows keep their keys as the pane scrolls. */
	readonly firstLine: number;
	readonly width: number;
};

/** A window of the section's lines, with a cursor gutter. */
export function DetailPane({title, rows, firstLine, width}: Props): React.JSX.Element {
	return (
		// Only the height is clipped: every line is cut to the width by its own Text, and clipping
		// the width too would have Ink slice every line again on every frame.
		<Box flexDirection="column" width={width} flexShrink={0} overflowY="hidden">
			<Text wrap="truncate-end">{title}</Text>
			{rows.map((row, index) => (
				<PaneLine key={firstLine + index} gutter={row.gutter} text={row.text} />
			))}
		</Box>
	);
}

/** One line and its cursor gutter; React skips the lines a key left as they were. */
const PaneLine = React.memo(function PaneLine({gutter, text}: PaneRow): React.JSX.Element {
	return (
		<Text wrap="truncate-end">
			{gutter}
			{text}
		</Text>
	);
});
