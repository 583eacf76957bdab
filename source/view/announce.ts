// The view for a screen reader: the same state written as lines of words, to be read in order.
// No box drawing, no glyphs, no colour: the header once, then what the last key did, said as a
// screen reader says a list ("Experience, 2 of 8"), then any message, and the open prompt last,
// where the cursor is. The painter writes only what changed (terminal/transcript.ts).
import type {UiState} from '../model/controller.js';
import {keymap, type Binding, type KeyContext} from '../model/keymap.js';
import {compileQuery, findMatches} from '../model/search.js';
import {helpGroups} from './help.js';
import type {View} from './view.js';

export type ScreenReaderParts = {
	readonly kind: 'screen-reader';
	/** Who this is and how to move: the same in every frame, so it is written once. */
	readonly header: readonly string[];
	/** What the last key did, then any message. */
	readonly announcement: readonly string[];
	/** The open search or command line, e.g. "Search: kernel". */
	readonly prompt?: string;
};

/** Runs of spaces (a padded label, an indent) as one: the style for a screen reader has no colour. */
const spoken = (text: string): string => text.replace(/\s+/g, ' ').trim();

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** The lines of entry `index` of a section, spoken, with its expanded set. */
function entryLines(view: View, section: number, expanded: ReadonlySet<string>, index: number): string[] {
	const layout = view.layoutOf(section, expanded);
	const box = layout.entries[index];
	return box ? layout.lines.slice(box.start, box.end).map((line) => spoken(line.text)).filter((line) => line !== '') : [];
}

/** "Utilization metric collector, collapsed, 1 of 10", then the rest of the item. */
function entryBlock(view: View, ui: UiState): string[] {
	const {section, expanded, cursor} = ui.nav;
	const layout = view.layoutOf(section, expanded);
	const box = layout.entries[cursor];
	if (!box) {
		return [`${view.titles[section] ?? ''}, empty`];
	}

	const [title = '', ...rest] = entryLines(view, section, expanded, cursor);
	const state = box.isExpandable ? (expanded.has(box.key) ? 'expanded' : 'collapsed') : undefined;
	const place = `${cursor + 1} of ${layout.entries.length}`;
	return [[title, state, box.href ? 'link' : undefined, place].filter((part) => part !== undefined && part !== '').join(', '), ...rest];
}

/** The lines expanding the focused item added. */
function detailLines(view: View, ui: UiState): string[] {
	const {section, expanded, cursor} = ui.nav;
	const key = view.layoutOf(section, expanded).entries[cursor]?.key ?? '';
	const collapsed = new Set([...expanded].filter((other) => other !== key));
	return entryLines(view, section, expanded, cursor).slice(entryLines(view, section, collapsed, cursor).length);
}

function sectionLine(view: View, ui: UiState): string {
	return `${view.titles[ui.nav.section] ?? ''}, ${ui.nav.section + 1} of ${view.titles.length}`;
}

function enteredLines(view: View, ui: UiState): string[] {
	const count = view.layoutOf(ui.nav.section, ui.nav.expanded).entries.length;
	return [`${view.titles[ui.nav.section] ?? ''}, ${plural(count, 'item')}`, ...entryBlock(view, ui)];
}

function searchLines(view: View, ui: UiState, query: string, wrapped: 'to-top' | 'to-bottom' | undefined): string[] {
	const pattern = compileQuery(query);
	const matches = pattern ? findMatches(view.sections, pattern) : [];
	const {section, cursor} = ui.nav;
	const inSection = matches.filter((match) => match.section === section).length;
	const position = matches.findIndex((match) => match.section === section && match.entry === cursor);
	const wrap = wrapped === undefined ? [] : [wrapped === 'to-top' ? 'Search went past the end, on from the top.' : 'Search went past the start, on from the bottom.'];
	return [...wrap, `${plural(inSection, 'match', 'matches')} in ${view.titles[section] ?? ''}, match ${position + 1} of ${matches.length}`, ...entryBlock(view, ui)];
}

function announcementLines(view: View, ui: UiState): string[] {
	const {nav} = ui;
	if (nav.isHelpOpen) {
		return ['Keys. Escape or ? closes this list.', ...spokenHelp()];
	}

	const announcement = ui.announcement ?? {type: 'start'};
	const focused = (): string[] => (nav.focus === 'menu' ? [sectionLine(view, ui)] : enteredLines(view, ui));
	switch (announcement.type) {
		case 'entry': {
			return nav.focus === 'detail' ? entryBlock(view, ui) : focused();
		}

		case 'fold': {
			return announcement.isOpen ? ['expanded', ...detailLines(view, ui)] : ['collapsed'];
		}

		case 'fold-all': {
			return [announcement.isOpen ? 'Every project expanded' : 'Every project collapsed'];
		}

		case 'search': {
			return searchLines(view, ui, announcement.query, announcement.wrapped);
		}

		default: {
			return focused();
		}
	}
}

/** The frame for a screen reader. */
export function screenReaderParts(view: View, ui: UiState): ScreenReaderParts {
	const sections = plural(view.titles.length, 'section');
	const header = [...view.header.map(spoken), `${sections}. j and k move, Enter opens, h goes back, / searches, ? lists every key, q quits.`];
	const {announcement, message, prompt} = ui;
	// A search's footer line says in symbols what its announcement says in words.
	const isSaid = announcement?.type === 'search' && announcement.message === message;
	const messageLines = message !== undefined && !isSaid ? [spoken(message)] : [];
	return {
		kind: 'screen-reader',
		header: header.filter((line) => line !== ''),
		announcement: [...announcementLines(view, ui), ...messageLines].filter((line) => line !== ''),
		prompt: prompt ? `${prompt.kind === 'search' ? 'Search' : 'Command'}: ${prompt.text}` : undefined,
	};
}

const keyWords: Record<string, string> = {
	up: 'Up arrow',
	down: 'Down arrow',
	left: 'Left arrow',
	right: 'Right arrow',
	enter: 'Enter',
	escape: 'Escape',
	space: 'Space',
	tab: 'Tab',
	'shift-tab': 'Shift-Tab',
	pageup: 'Page Up',
	pagedown: 'Page Down',
	home: 'Home',
	end: 'End',
	backspace: 'Backspace',
	'?': 'question mark',
	'/': 'slash',
	':': 'colon',
};

/** A key as it is said: "ctrl-d" → "Control-d", "G" → "capital G", "z o" → "z then o". */
export function spokenKey(key: string): string {
	if (key.includes(' ')) {
		return key.split(' ').map(spokenKey).join(' then ');
	}

	if (key.startsWith('ctrl-')) {
		return `Control-${key.slice(5)}`;
	}

	return keyWords[key] ?? (key.length === 1 && key !== key.toLowerCase() ? `capital ${key}` : key);
}

/** The help as sentences, from the keymap table; the mouse's keys are left out (no mouse here). */
export function spokenHelp(bindings: readonly Binding[] = keymap): string[] {
	const isMouse = (binding: Binding): boolean => binding.keys.some((key) => key === 'click' || key.startsWith('wheel-'));
	return helpGroups.flatMap(([context, title]: readonly [KeyContext, string]) => {
		const inGroup = bindings.filter((binding) => binding.when === context && !isMouse(binding));
		return inGroup.length === 0 ? [] : [`${title}:`, ...inGroup.map((binding) => `${binding.keys.map(spokenKey).join(' or ')}: ${binding.description}.`)];
	});
}
