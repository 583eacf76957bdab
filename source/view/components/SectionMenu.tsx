import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import React from 'react';
import {menuRows, type MenuProps} from '../lines.js';

type Props = MenuProps;

/** ink-select-input's indicator column: the marker is part of each row's label (see below). */
function NoIndicator(): React.JSX.Element {
	return <></>;
}

/** One row, marker and title in a single Text: fewer nodes for Ink to lay out and draw per frame. */
function Row({label}: {readonly label: string}): React.JSX.Element {
	return <Text wrap="truncate-end">{label}</Text>;
}

/**
 * The section list, drawn by ink-select-input. Keys are handled by the app's keymap (so counts,
 * Tab and every key of a burst apply), so the list never moves itself: it is given the rows to
 * show, the window a freshly mounted list would scroll to, with the chosen one already styled.
 * Rows are keyed by position, so a move only rewrites the two labels that changed.
 */
export const SectionMenu = React.memo(function SectionMenu({titles, counts, selected, isFocused, width, height, theme}: Props): React.JSX.Element {
	const rows = menuRows({titles, counts, selected, isFocused, width, height, theme});
	const limit = Math.max(1, height);
	// `value` is the position too, so ink-select-input never sees its items change and resets.
	const items = rows.map((label, position) => ({key: String(position), value: position, label}));
	return (
		// Titles fit the width by construction (app.tsx sizes the menu by them): clip the height only.
		<Box flexDirection="column" width={width} height={height} flexShrink={0} overflowY="hidden">
			<SelectInput items={items} isFocused={false} limit={limit} indicatorComponent={NoIndicator} itemComponent={Row} />
		</Box>
	);
});
