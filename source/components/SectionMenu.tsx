import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import React from 'react';
import type {Theme} from '../theme.js';

type Props = {
	readonly titles: readonly string[];
	/** Search matches per section, while a search is shown. */
	readonly counts?: readonly number[];
	readonly selected: number;
	readonly isFocused: boolean;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
};

/** "Projects 3": the title, cut short if need be so the match count always shows. */
function withCount(title: string, count: number | undefined, room: number): string {
	if (!count) {
		return title;
	}

	const suffix = ` ${count}`;
	const fit = room - suffix.length;
	return (title.length <= fit ? title : `${title.slice(0, Math.max(0, fit - 1))}…`) + suffix;
}

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
	const room = width - 4;
	const limit = Math.max(1, height);
	// Where ink-select-input mounted at `initialIndex: selected` would scroll: the chosen row last.
	const first = selected > limit - 1 ? selected - (limit - 1) : 0;
	const items = titles.slice(first, first + limit).map((title, position) => {
		const label = withCount(title, counts?.[first + position], room);
		const isSelected = first + position === selected;
		const marker = isSelected ? (isFocused ? theme.accent('❯ ') : theme.muted('❯ ')) : '  ';
		// `value` is the position too, so ink-select-input never sees its items change and resets.
		return {key: String(position), value: position, label: marker + (isSelected ? (isFocused ? theme.selected(label) : theme.heading(label)) : label)};
	});
	return (
		// Titles fit the width by construction (app.tsx sizes the menu by them): clip the height only.
		<Box flexDirection="column" width={width} height={height} flexShrink={0} overflowY="hidden">
			<SelectInput items={items} isFocused={false} limit={limit} indicatorComponent={NoIndicator} itemComponent={Row} />
		</Box>
	);
});
