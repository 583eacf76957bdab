// The one view: every frame as a pure function of the UI state and the view of the résumé at a
// size and style, in the spirit of Bubble Tea's View. `frameParts` gives the frame's parts, which
// the Ink components draw; `frameRows` joins the same parts into the rows a painter writes, which
// is how the bin and an SSH session draw before Ink has loaded.
import {styledCharsFromTokens, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import {contextsOf, type UiState} from '../model/controller.js';
import {hints, keyLabel} from '../model/keymap.js';
import {compileQuery, findMatches, matchCounts} from '../model/search.js';
import {screenReaderParts, type ScreenReaderParts} from './announce.js';
import {highlightLine} from './highlight.js';
import {footerLine, gutter, menuRows, paneTitle, ruleLine, scrollIndicator, titleLine, tooSmallLine} from './lines.js';
import type {View} from './view.js';

/** One line of the detail pane: the cursor gutter and the laid-out text. */
export type PaneRow = {readonly gutter: string; readonly text: string};

export type FrameParts =
	| {readonly kind: 'too-small'; readonly columns: number; readonly line: string}
	| {
			readonly kind: 'full';
			readonly columns: number;
			readonly header: readonly string[];
			readonly rule: string;
			readonly bodyHeight: number;
			/** The section list's rows in view, or none (a narrow terminal, or the help open). */
			readonly menu?: {readonly rows: readonly string[]; readonly width: number};
			readonly pane: {readonly title: string; readonly rows: readonly PaneRow[]; readonly firstLine: number; readonly width: number};
			readonly footer: string;
	  }
	| ScreenReaderParts;

// Match counts per section, for the last query asked of each view.
const countsCache = new WeakMap<View, {readonly query: string; readonly counts: readonly number[] | undefined}>();
function countsOf(view: View, query: string, pattern: RegExp | undefined): readonly number[] | undefined {
	const cached = countsCache.get(view);
	if (cached?.query === query) {
		return cached.counts;
	}

	const counts = pattern ? matchCounts(findMatches(view.sections, pattern), view.sections.length) : undefined;
	countsCache.set(view, {query, counts});
	return counts;
}

/** The search shown: what is being typed, else the confirmed search. */
export function shownQuery(ui: UiState): string {
	return ui.prompt?.kind === 'search' ? ui.prompt.text || ui.query : ui.query;
}

/** The parts of the frame for this state. */
export function frameParts(view: View, ui: UiState): FrameParts {
	const {plan, size, style, sections} = view;
	const {theme} = style;
	if (style.isScreenReader) {
		return screenReaderParts(view, ui);
	}

	if (plan.kind === 'too-small') {
		return {kind: 'too-small', columns: size.columns, line: tooSmallLine(size.columns, theme)};
	}

	const {nav} = ui;
	const query = shownQuery(ui);
	const pattern = compileQuery(query);
	const counts = countsOf(view, query, pattern);
	const lines = nav.isHelpOpen ? view.helpLines() : view.layoutOf(nav.section, nav.expanded).lines;
	const scroll = nav.isHelpOpen ? nav.helpScroll : nav.scroll;
	const height = plan.viewportHeight;
	const paneWidth = nav.isHelpOpen ? size.columns : plan.paneWidth;
	const cursor = nav.focus === 'detail' && !nav.isHelpOpen ? nav.cursor : undefined;
	const title = paneTitle({
		name: sections[nav.section]?.title ?? '',
		position: nav.section,
		sectionCount: sections.length,
		count: counts?.[nav.section],
		isCompactMenu: plan.isCompactMenu,
		isMenuFocused: nav.focus === 'menu',
		isHelpOpen: nav.isHelpOpen,
		theme,
	});
	const rows = lines.slice(scroll, scroll + height).map((line, index): PaneRow => {
		const isCursor = cursor !== undefined && line.entry === cursor;
		const isFirst = isCursor && lines[scroll + index - 1]?.entry !== cursor;
		const text = pattern && !nav.isHelpOpen ? highlightLine(line.text, pattern, theme) : line.text;
		return {gutter: gutter(isCursor, isFirst, theme), text};
	});
	const isMenuShown = !plan.isCompactMenu && !nav.isHelpOpen;
	return {
		kind: 'full',
		columns: size.columns,
		header: view.header,
		rule: ruleLine(size.columns, theme),
		bodyHeight: plan.bodyHeight,
		menu: isMenuShown
			? {
					rows: menuRows({titles: view.titles, counts, selected: nav.section, isFocused: nav.focus === 'menu', width: plan.menuWidth, height: plan.bodyHeight, theme}),
					width: plan.menuWidth,
				}
			: undefined,
		pane: {title: titleLine(title, scrollIndicator(scroll, height, lines.length, theme), paneWidth), rows, firstLine: scroll, width: paneWidth},
		footer: footerLine({
			hints: hints(contextsOf(ui, view.env)),
			prompt: ui.prompt ? `${ui.prompt.kind === 'search' ? '/' : ':'}${ui.prompt.text}` : undefined,
			message: ui.message,
			pendingKeys: ui.pending.count + ui.pending.prefix.map(keyLabel).join(''),
			width: size.columns,
			theme,
		}),
	};
}

/** What Ink draws for `<Text wrap="truncate-end">` in a box `width` wide: the text, cut with "…" if wider. */
export function truncateEnd(text: string, width: number): string {
	return stringWidth(text) > width ? cliTruncate(text, width, {position: 'end'}) : text;
}

/** The text cut to `width` columns, then padded with spaces to exactly `width`. */
function cell(text: string, width: number): string {
	const fitted = truncateEnd(text, width);
	return fitted + ' '.repeat(Math.max(0, width - stringWidth(fitted)));
}

/**
 * A row as Ink writes it: its escape codes re-serialised from the styled characters (as Ink's
 * output does), trailing blanks dropped. The same bytes let a cached frame be handed to Ink with
 * nothing to repaint (an SSH session's first frame); the bin's painter skips it, as tokenising
 * every row costs its first frame more than the one repaint at Ink's takeover.
 */
export function asInkWrites(row: string): string {
	return (row.includes('\u001B') ? styledCharsToString(styledCharsFromTokens(tokenize(row))) : row).trimEnd();
}

/** The frame's rows, laid out as Ink lays out the components. */
export function frameRows(parts: FrameParts): string[] {
	if (parts.kind === 'too-small') {
		return [truncateEnd(parts.line, parts.columns)];
	}

	if (parts.kind === 'screen-reader') {
		// Lines as long as they are: the terminal wraps them, and nothing is cut.
		return [...parts.header, ...parts.announcement, ...(parts.prompt === undefined ? [] : [parts.prompt])];
	}

	const {menu, pane} = parts;
	const paneLines = [pane.title, ...pane.rows.map((row) => row.gutter + row.text)];
	const body = Array.from({length: parts.bodyHeight}, (_, row) => {
		const right = truncateEnd(paneLines[row] ?? '', pane.width);
		return menu ? cell(menu.rows[row] ?? '', menu.width) + right : right;
	});
	return [...parts.header, parts.rule, ...body, parts.footer].map((row) => truncateEnd(row, parts.columns).trimEnd());
}

/** The frame for this state as one string, rows joined by newlines, as Ink's frames are. */
export function frame(view: View, ui: UiState): string {
	return frameRows(frameParts(view, ui)).join('\n');
}
