// All movement lives here: a pure reducer from (state, action, geometry) to state. It imports
// nothing of React or Ink; the geometry it needs is handed in by the caller.

export type Focus = 'menu' | 'detail';

export type NavState = {
	/** Index of the shown section. */
	readonly section: number;
	readonly focus: Focus;
	/** Index of the focused entry in the shown section. */
	readonly cursor: number;
	/** First visible line of the detail viewport. */
	readonly scroll: number;
	/** Keys of the expanded projects. */
	readonly expanded: ReadonlySet<string>;
	readonly isHelpOpen: boolean;
	readonly helpScroll: number;
};

export type NavAction =
	| {readonly type: 'move'; readonly delta: number}
	| {readonly type: 'page'; readonly direction: 1 | -1; readonly size: 'full' | 'half'}
	/** Scrolls the viewport by lines (the mouse wheel), keeping the cursor in view. */
	| {readonly type: 'scroll'; readonly delta: number}
	| {readonly type: 'edge'; readonly to: 'top' | 'bottom'}
	| {readonly type: 'activate'}
	| {readonly type: 'back'}
	| {readonly type: 'cycle'; readonly delta: 1 | -1}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'go-to-section'; readonly section: number}
	/** zo / zc / za on the entry under the cursor. */
	| {readonly type: 'fold'; readonly mode: 'open' | 'close' | 'toggle'}
	/** zR / zM: every project in the résumé. */
	| {readonly type: 'fold-all'; readonly isOpen: boolean}
	/** Puts the cursor on an entry (a search match), expanding it first if asked. */
	| {readonly type: 'jump'; readonly section: number; readonly entry: number; readonly expand?: string};

export type EntryGeometry = {
	readonly start: number;
	readonly end: number;
	readonly isExpandable: boolean;
	readonly key: string;
};

export type SectionGeometry = {
	readonly entries: readonly EntryGeometry[];
	readonly lineCount: number;
};

export type Geometry = {
	readonly sectionCount: number;
	/** Rows of the detail viewport. */
	readonly height: number;
	/** Lines of the help screen, which scrolls in the same viewport. */
	readonly helpLineCount: number;
	/** Keys of every expandable entry in every section. */
	readonly expandableKeys: readonly string[];
	/** Measures a section as it would be laid out with the given expanded set. */
	readonly measure: (section: number, expanded: ReadonlySet<string>) => SectionGeometry;
};

export const initialNavState: NavState = {
	section: 0,
	focus: 'menu',
	cursor: 0,
	scroll: 0,
	expanded: new Set(),
	isHelpOpen: false,
	helpScroll: 0,
};

const clamp = (value: number, low: number, high: number): number => Math.max(low, Math.min(high, value));
const maxScroll = (lineCount: number, height: number): number => Math.max(0, lineCount - height);

/** The scroll that shows as much of the entry as fits, its first line first. */
function reveal(scroll: number, entry: EntryGeometry | undefined, height: number, preferEnd = false): number {
	if (!entry) {
		return scroll;
	}

	if (entry.start < scroll) {
		return preferEnd ? Math.max(entry.start, entry.end - height) : entry.start;
	}

	if (entry.end > scroll + height) {
		return Math.min(entry.start, entry.end - height);
	}

	return scroll;
}

/** The scroll and cursor the viewport should show: clamped and keeping the cursor in view. */
export function settle(state: NavState, geometry: Geometry): NavState {
	const section = geometry.measure(state.section, state.expanded);
	const cursor = clamp(state.cursor, 0, Math.max(0, section.entries.length - 1));
	const entry = section.entries[cursor];
	const visible =
		entry && entry.end > state.scroll && entry.start < state.scroll + geometry.height
			? state.scroll
			: reveal(state.scroll, entry, geometry.height);
	const scroll = clamp(visible, 0, maxScroll(section.lineCount, geometry.height));
	// At the top the help needs no line count, so it is not laid out until it is opened.
	const helpScroll = state.helpScroll === 0 ? 0 : clamp(state.helpScroll, 0, maxScroll(geometry.helpLineCount, geometry.height));
	return cursor === state.cursor && scroll === state.scroll && helpScroll === state.helpScroll
		? state
		: {...state, cursor, scroll, helpScroll};
}

function step(state: NavState, direction: 1 | -1, section: SectionGeometry, height: number): NavState {
	const entry = section.entries[state.cursor];
	if (!entry) {
		return state;
	}

	// An entry taller than the viewport scrolls line by line before the cursor leaves it.
	if (direction === 1 && entry.end > state.scroll + height) {
		return {...state, scroll: state.scroll + 1};
	}

	if (direction === -1 && entry.start < state.scroll) {
		return {...state, scroll: state.scroll - 1};
	}

	const cursor = state.cursor + direction;
	const next = section.entries[cursor];
	if (!next) {
		return state;
	}

	return {...state, cursor, scroll: reveal(state.scroll, next, height, direction === -1)};
}

function withSection(state: NavState, section: number): NavState {
	return section === state.section ? state : {...state, section, cursor: 0, scroll: 0};
}

/** The first entry in view after the viewport moved to `scroll`. */
function entryInView(entries: readonly EntryGeometry[], scroll: number, height: number, cursor: number): number {
	const current = entries[cursor];
	if (current && current.end > scroll && current.start < scroll + height) {
		return cursor;
	}

	const index = entries.findIndex((entry) => entry.start >= scroll && entry.start < scroll + height);
	if (index !== -1) {
		return index;
	}

	const covering = entries.findIndex((entry) => entry.start <= scroll && entry.end > scroll);
	return covering === -1 ? cursor : covering;
}

function detail(state: NavState, action: NavAction, geometry: Geometry): NavState {
	const section = geometry.measure(state.section, state.expanded);
	const {height} = geometry;
	switch (action.type) {
		case 'move': {
			let next = state;
			const direction = action.delta > 0 ? 1 : -1;
			for (let index = 0; index < Math.abs(action.delta); index++) {
				next = step(next, direction, section, height);
			}

			return next;
		}

		case 'page': {
			const amount = action.size === 'full' ? Math.max(1, height - 1) : Math.max(1, Math.floor(height / 2));
			const scroll = clamp(state.scroll + action.direction * amount, 0, maxScroll(section.lineCount, height));
			if (scroll === state.scroll) {
				// Already at the end: the cursor goes the rest of the way, as in less and vim.
				return {...state, cursor: action.direction === 1 ? Math.max(0, section.entries.length - 1) : 0};
			}

			return {...state, scroll, cursor: entryInView(section.entries, scroll, height, state.cursor)};
		}

		case 'scroll': {
			const scroll = clamp(state.scroll + action.delta, 0, maxScroll(section.lineCount, height));
			return {...state, scroll, cursor: entryInView(section.entries, scroll, height, state.cursor)};
		}

		case 'edge': {
			return action.to === 'top'
				? {...state, cursor: 0, scroll: 0}
				: {...state, cursor: Math.max(0, section.entries.length - 1), scroll: maxScroll(section.lineCount, height)};
		}

		case 'activate': {
			return fold(state, 'toggle', geometry);
		}

		case 'fold': {
			return fold(state, action.mode, geometry);
		}

		case 'back': {
			return {...state, focus: 'menu'};
		}

		default: {
			return state;
		}
	}
}

/** Opens, closes or toggles the entry under the cursor and shows as much of it as fits. */
function fold(state: NavState, mode: 'open' | 'close' | 'toggle', geometry: Geometry): NavState {
	const entry = geometry.measure(state.section, state.expanded).entries[state.cursor];
	if (!entry?.isExpandable) {
		return state;
	}

	const isOpen = mode === 'toggle' ? !state.expanded.has(entry.key) : mode === 'open';
	if (isOpen === state.expanded.has(entry.key)) {
		return state;
	}

	const expanded = new Set(state.expanded);
	if (isOpen) {
		expanded.add(entry.key);
	} else {
		expanded.delete(entry.key);
	}

	const after = geometry.measure(state.section, expanded).entries[state.cursor];
	return {...state, expanded, scroll: reveal(state.scroll, after, geometry.height)};
}

function menu(state: NavState, action: NavAction, geometry: Geometry): NavState {
	const last = geometry.sectionCount - 1;
	switch (action.type) {
		case 'move': {
			return withSection(state, clamp(state.section + action.delta, 0, last));
		}

		case 'edge': {
			return withSection(state, action.to === 'top' ? 0 : last);
		}

		case 'activate': {
			return {...state, focus: 'detail'};
		}

		case 'page':
		case 'scroll': {
			// Paging scrolls the shown section even while the menu has focus.
			return {...detail(state, action, geometry), focus: 'menu'};
		}

		default: {
			return state;
		}
	}
}

function help(state: NavState, action: NavAction, geometry: Geometry): NavState {
	const top = maxScroll(geometry.helpLineCount, geometry.height);
	switch (action.type) {
		case 'move': {
			return {...state, helpScroll: clamp(state.helpScroll + action.delta, 0, top)};
		}

		case 'page': {
			const amount = action.size === 'full' ? Math.max(1, geometry.height - 1) : Math.max(1, Math.floor(geometry.height / 2));
			return {...state, helpScroll: clamp(state.helpScroll + action.direction * amount, 0, top)};
		}

		case 'scroll': {
			return {...state, helpScroll: clamp(state.helpScroll + action.delta, 0, top)};
		}

		case 'edge': {
			return {...state, helpScroll: action.to === 'top' ? 0 : top};
		}

		case 'back':
		case 'toggle-help': {
			return {...state, isHelpOpen: false};
		}

		default: {
			return state;
		}
	}
}

/** The navigation reducer. */
export function navigate(state: NavState, action: NavAction, geometry: Geometry): NavState {
	const settled = settle(state, geometry);
	if (settled.isHelpOpen) {
		return settle(help(settled, action, geometry), geometry);
	}

	switch (action.type) {
		case 'toggle-help': {
			return {...settled, isHelpOpen: true, helpScroll: 0};
		}

		case 'cycle': {
			const count = geometry.sectionCount;
			return withSection(settled, (settled.section + action.delta + count) % count);
		}

		case 'go-to-section': {
			return {...withSection(settled, clamp(action.section, 0, geometry.sectionCount - 1)), focus: 'detail'};
		}

		case 'fold-all': {
			return settle({...settled, expanded: new Set(action.isOpen ? geometry.expandableKeys : [])}, geometry);
		}

		case 'jump': {
			const expanded = action.expand === undefined ? settled.expanded : new Set([...settled.expanded, action.expand]);
			const section = clamp(action.section, 0, geometry.sectionCount - 1);
			const entry = geometry.measure(section, expanded).entries[action.entry];
			const scroll = section === settled.section ? settled.scroll : 0;
			return settle({...settled, section, expanded, focus: 'detail', cursor: action.entry, scroll: reveal(scroll, entry, geometry.height)}, geometry);
		}

		default: {
			const next = settled.focus === 'menu' ? menu(settled, action, geometry) : detail(settled, action, geometry);
			return settle(next, geometry);
		}
	}
}
