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

/**
 * The section list, drawn by ink-select-input. Keys are handled by the app's keymap (so counts,
 * Tab and every key of a burst apply), so the list is remounted at the chosen index rather than
 * left to move itself.
 */
export function SectionMenu({titles, counts, selected, isFocused, width, height, theme}: Props): React.JSX.Element {
	const room = width - 4;
	const items = titles.map((title, index) => ({key: String(index), label: withCount(title, counts?.[index], room), value: index}));
	const Indicator = ({isSelected = false}: {readonly isSelected?: boolean}): React.JSX.Element => (
		<Text>{isSelected ? (isFocused ? theme.accent('❯ ') : theme.muted('❯ ')) : '  '}</Text>
	);
	const Item = ({isSelected = false, label}: {readonly isSelected?: boolean; readonly label: string}): React.JSX.Element => (
		<Text wrap="truncate-end">{isSelected ? (isFocused ? theme.selected(label) : theme.heading(label)) : label}</Text>
	);
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0} overflow="hidden">
			<SelectInput
				key={selected}
				items={items}
				initialIndex={selected}
				isFocused={false}
				limit={Math.max(1, height)}
				indicatorComponent={Indicator}
				itemComponent={Item}
			/>
		</Box>
	);
}
