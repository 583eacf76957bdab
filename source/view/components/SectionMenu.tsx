import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import React from 'react';

type Props = {
	/** The rows in view, marker and title each, from the view's menuRows. */
	readonly rows: readonly string[];
	readonly width: number;
	readonly height: number;
};

/** ink-select-input's indicator column: the marker is part of each row's label (see below). */
function NoIndicator(): React.JSX.Element {
	return <></>;
}

/** One row, marker and title in a single Text: fewer nodes for Ink to lay out and draw per frame. */
function Row({label}: {readonly label: string}): React.JSX.Element {
	return <Text wrap="truncate-end">{label}</Text>;
}

const sameRows = (a: Props, b: Props): boolean =>
	a.width === b.width && a.height === b.height && a.rows.length === b.rows.length && a.rows.every((row, index) => row === b.rows[index]);

/**
 * The section list, drawn by ink-select-input. Keys are handled by the app's keymap (so counts,
 * Tab and every key of a burst apply), so the list never moves itself: it is given the rows in
 * view, already styled. Rows are keyed by position, so a move only rewrites the two labels that
 * changed.
 */
export const SectionMenu = React.memo(function SectionMenu({rows, width, height}: Props): React.JSX.Element {
	// `value` is the position too, so ink-select-input never sees its items change and resets.
	const items = rows.map((label, position) => ({key: String(position), value: position, label}));
	return (
		// Titles fit the width by construction (the plan sizes the menu by them): clip the height only.
		<Box flexDirection="column" width={width} height={height} flexShrink={0} overflowY="hidden">
			<SelectInput items={items} isFocused={false} limit={Math.max(1, height)} indicatorComponent={NoIndicator} itemComponent={Row} />
		</Box>
	);
}, sameRows);
