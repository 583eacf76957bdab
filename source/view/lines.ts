// What the views write, as pure functions of their props. The components lay these out with Ink;
// home-screen.ts paints the first frame from the same functions before Ink has even loaded.
import stringWidth from 'string-width';
import type {Resume} from '../data/schema.js';
import {headerLines} from '../document/header.js';
import {fitEnd, fitStart} from '../document/fit.js';
import {planScreen, minColumns, minRows, type ScreenPlan} from './screen-plan.js';
import type {Style, Theme} from './theme.js';
import type {Size} from '../terminal/port.js';

/** How the screen is shared out for this résumé: the header's height and the longest section title decide. */
export function planFor(
	resume: Resume,
	titles: readonly string[],
	size: Size,
	style: Style,
	header: (width: number, isCompact: boolean) => readonly string[] = (width, isCompact) => headerLines(resume, width, style, isCompact),
): ScreenPlan {
	return planScreen(
		size,
		(width, isCompact) => header(width, isCompact).length,
		// Room for a search's match count after the longest title.
		Math.max(...titles.map((title) => stringWidth(title)), 0) + 3,
	);
}

/** The line under the header. */
export function ruleLine(columns: number, theme: Theme): string {
	return theme.muted('─'.repeat(columns));
}

/** "Projects 3": the title, cut short if need be so the match count always shows. */
function withCount(title: string, count: number | undefined, room: number): string {
	if (!count) {
		return title;
	}

	const suffix = ` ${count}`;
	const fit = room - suffix.length;
	return (title.length <= fit ? title : `${title.slice(0, Math.max(0, fit - 1))}…`) + suffix;
}

export type MenuProps = {
	readonly titles: readonly string[];
	/** Search matches per section, while a search is shown. */
	readonly counts?: readonly number[];
	readonly selected: number;
	readonly isFocused: boolean;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
};

/** The rows of the section list in view: the window a list scrolled to the chosen row shows, marker included. */
export function menuRows({titles, counts, selected, isFocused, width, height, theme}: MenuProps): string[] {
	const room = width - 4;
	const limit = Math.max(1, height);
	const first = selected > limit - 1 ? selected - (limit - 1) : 0;
	return titles.slice(first, first + limit).map((title, position) => {
		const label = withCount(title, counts?.[first + position], room);
		const isSelected = first + position === selected;
		const marker = isSelected ? (isFocused ? theme.accent('❯ ') : theme.muted('❯ ')) : '  ';
		return marker + (isSelected ? (isFocused ? theme.selected(label) : theme.heading(label)) : label);
	});
}

/** The detail pane's title: the section's name, or with no side menu "‹ Projects › 4/8", or "Keys" for help. */
export function paneTitle(props: {
	readonly name: string;
	readonly position: number;
	readonly sectionCount: number;
	/** Search matches in this section. */
	readonly count: number | undefined;
	readonly isCompactMenu: boolean;
	readonly isMenuFocused: boolean;
	readonly isHelpOpen: boolean;
	readonly theme: Theme;
}): string {
	const {name, theme} = props;
	if (props.isHelpOpen) {
		return theme.heading('Keys');
	}

	if (!props.isCompactMenu) {
		return theme.heading(name);
	}

	const chosen = props.isMenuFocused ? theme.selected(`‹ ${name} ›`) : theme.heading(`‹ ${name} ›`);
	return `${chosen} ${theme.muted(`${props.position + 1}/${props.sectionCount}`)}${props.count ? theme.accent(` (${props.count})`) : ''}`;
}

/** "title ........ 12–30 of 58", fitted to the width. */
export function titleLine(title: string, indicator: string, width: number): string {
	const gap = width - stringWidth(title) - stringWidth(indicator);
	return gap >= 1 ? title + ' '.repeat(gap) + indicator : title;
}

/** "12–30 of 58" when the lines do not all fit. */
export function scrollIndicator(scroll: number, height: number, lineCount: number, theme: Theme): string {
	return lineCount > height ? theme.muted(`${scroll + 1}–${Math.min(scroll + height, lineCount)} of ${lineCount}`) : '';
}

/** The cursor gutter of a pane line: › on the entry's first line, │ on the rest, blank elsewhere. */
export function gutter(isCursor: boolean, isFirst: boolean, theme: Theme): string {
	return isCursor ? theme.accent(isFirst ? '› ' : '│ ') : '  ';
}

export type FooterProps = {
	readonly hints: ReadonlyArray<{readonly keys: string; readonly label: string}>;
	/** The open search or command line, e.g. "/kernel". */
	readonly prompt?: string;
	/** A one-off message (e.g. the link just opened) shown instead of the hints. */
	readonly message?: string;
	/** A count or unfinished key sequence typed so far, shown at the right like Vim's showcmd. */
	readonly pendingKeys: string;
	readonly width: number;
	readonly theme: Theme;
};

/** The bottom line: the prompt, a message, or the keys that apply now. */
export function footerLine({hints, prompt, message, pendingKeys, width, theme}: FooterProps): string {
	let left: string;
	if (prompt !== undefined) {
		// Keep the end of a long prompt in view, with a block for the cursor.
		left = `${fitStart(prompt, Math.max(0, width - 1))}${theme.selected(' ')}`;
	} else if (message) {
		left = theme.accent(fitEnd(message, width));
	} else {
		left = hints.map((hint) => `${theme.key(hint.keys)} ${theme.muted(hint.label)}`).join('  ');
	}

	const gap = width - stringWidth(left) - stringWidth(pendingKeys);
	return pendingKeys && gap >= 1 ? left + ' '.repeat(gap) + theme.accent(pendingKeys) : left;
}

/** The one line shown below the minimum size, cut by hand: at 1×1 there is no room for an ellipsis. */
export function tooSmallLine(columns: number, theme: Theme): string {
	const message = `terminal too small: need ${minColumns}×${minRows}`;
	return theme.warning(message.slice(0, Math.max(1, columns)));
}
