// What one key does: a pure function from the UI state and a key name to the next state and the
// effects to run (quit, open or copy a link). The app only feeds it keys and runs the effects.
import type {Section} from '../document/model.js';
import {announcementOf, type Announcement} from './announcement.js';
import {activeContexts, noPendingKeys, resolveKey, typedText, type Command, type PendingKeys} from './keymap.js';
import {navigate, type Geometry, type NavAction, type NavState} from './navigation.js';
import {compileQuery, findMatches, nextMatch} from './search.js';

export type Prompt = {readonly kind: 'search' | 'command'; readonly text: string};

export type UiState = {
	readonly nav: NavState;
	readonly pending: PendingKeys;
	readonly prompt?: Prompt;
	/** The confirmed search, highlighted until cleared. */
	readonly query: string;
	/** A one-off line for the footer. */
	readonly message?: string;
	/** What the last key that did something did, for a screen reader to say (none: nothing yet). */
	readonly announcement?: Announcement;
};

export type Effect = {readonly type: 'quit'} | {readonly type: 'open-link'; readonly url: string} | {readonly type: 'copy-link'; readonly url: string};

export type ControllerEnv = {
	readonly sections: readonly Section[];
	readonly geometry: Geometry;
	/** What the entry at `index` of a section is, as laid out. */
	readonly entryAt: (section: number, expanded: ReadonlySet<string>, index: number) => {readonly isExpandable: boolean; readonly href?: string} | undefined;
	/** What a click at a 1-based cell selects, given the navigation state. */
	readonly hitTest?: (nav: NavState, x: number, y: number) => NavAction | undefined;
};

type Result = {readonly ui: UiState; readonly effects: readonly Effect[]};

const commandNames = ['help', 'quit'];

export function contextsOf(ui: UiState, env: ControllerEnv) {
	const entry = env.entryAt(ui.nav.section, ui.nav.expanded, ui.nav.cursor);
	return activeContexts({
		isPromptOpen: ui.prompt !== undefined,
		isSearching: ui.query !== '',
		isHelpOpen: ui.nav.isHelpOpen,
		focus: ui.nav.focus,
		isOnProject: entry?.isExpandable ?? false,
		isOnLink: entry?.href !== undefined,
	});
}

function searchFrom(ui: UiState, query: string, direction: 'next' | 'previous' | 'at-or-after', env: ControllerEnv): UiState {
	const pattern = compileQuery(query);
	const matches = pattern ? findMatches(env.sections, pattern) : [];
	const from = {section: ui.nav.section, entry: ui.nav.focus === 'detail' ? ui.nav.cursor : -1};
	const found = nextMatch(matches, from, direction);
	if (!found) {
		return {...ui, query, message: `Pattern not found: ${query}`};
	}

	const {match} = found;
	const nav = navigate({...ui.nav, isHelpOpen: false}, {type: 'jump', section: match.section, entry: match.entry, expand: match.expand}, env.geometry);
	const position = `${matches.indexOf(match) + 1}/${matches.length}`;
	const wrapped = found.hasWrapped ? (direction === 'previous' ? 'search hit TOP, continuing at BOTTOM · ' : 'search hit BOTTOM, continuing at TOP · ') : '';
	const message = `${wrapped}/${query} ${position}`;
	const wrappedTo = found.hasWrapped ? (direction === 'previous' ? 'to-bottom' : 'to-top') : undefined;
	return {...ui, nav, query, message, announcement: {type: 'search', query, message, wrapped: wrappedTo}};
}

/** The section ids and commands that start with the text, for Tab completion. */
export function completions(text: string, sections: readonly Section[]): string[] {
	return [...commandNames, ...sections.map((section) => section.id)].filter((name) => name.startsWith(text.toLowerCase()));
}

function complete(ui: UiState, prompt: Prompt, env: ControllerEnv): UiState {
	if (prompt.kind !== 'command') {
		return ui;
	}

	const candidates = completions(prompt.text, env.sections);
	if (candidates.length === 0) {
		return ui;
	}

	let common = candidates[0] ?? '';
	for (const candidate of candidates) {
		while (!candidate.startsWith(common)) {
			common = common.slice(0, -1);
		}
	}

	return {...ui, prompt: {...prompt, text: common.length > prompt.text.length ? common : prompt.text}, message: candidates.length > 1 ? candidates.join('  ') : undefined};
}

function runCommand(ui: UiState, text: string, env: ControllerEnv): Result {
	const name = text.trim().toLowerCase();
	if (name === '') {
		return {ui, effects: []};
	}

	if (['q', 'q!', 'qa', 'quit', 'wq', 'x'].includes(name)) {
		return {ui, effects: [{type: 'quit'}]};
	}

	if (['h', 'help'].includes(name)) {
		return {ui: {...ui, nav: {...ui.nav, isHelpOpen: true, helpScroll: 0}}, effects: []};
	}

	const exact = env.sections.findIndex((section) => section.id === name);
	const prefixed = env.sections.flatMap((section, index) => (section.id.startsWith(name) ? [index] : []));
	const section = exact === -1 ? (prefixed.length === 1 ? prefixed[0] : undefined) : exact;
	if (section === undefined) {
		const known = env.sections.map((item) => item.id).join(', ');
		return {ui: {...ui, message: `Not a command: ${text.trim()} (try :help, :q or one of ${known})`}, effects: []};
	}

	const nav = navigate({...ui.nav, isHelpOpen: false}, {type: 'go-to-section', section}, env.geometry);
	return {ui: {...ui, nav}, effects: []};
}

function promptKey(ui: UiState, prompt: Prompt, key: string, command: Command | undefined, env: ControllerEnv): Result {
	switch (command?.type) {
		case 'prompt-submit': {
			const closed = {...ui, prompt: undefined};
			if (prompt.kind === 'command') {
				return runCommand(closed, prompt.text, env);
			}

			const query = prompt.text === '' ? ui.query : prompt.text;
			return {ui: query === '' ? closed : searchFrom(closed, query, 'at-or-after', env), effects: []};
		}

		case 'prompt-cancel': {
			return {ui: {...ui, prompt: undefined, query: prompt.kind === 'search' ? '' : ui.query}, effects: []};
		}

		case 'prompt-erase': {
			// Erasing past the start closes the prompt, as in Vim.
			return {ui: prompt.text === '' ? {...ui, prompt: undefined} : {...ui, prompt: {...prompt, text: [...prompt.text].slice(0, -1).join('')}}, effects: []};
		}

		case 'prompt-complete': {
			return {ui: complete(ui, prompt, env), effects: []};
		}

		case 'quit': {
			return {ui, effects: [{type: 'quit'}]};
		}

		default: {
			const text = typedText(key);
			return {ui: text === undefined ? ui : {...ui, prompt: {...prompt, text: (prompt.text + text).slice(0, 200)}}, effects: []};
		}
	}
}

/** Applies one key; a click carries the cell it happened in. */
export function pressKey(state: UiState, key: string, env: ControllerEnv, pointer?: {readonly x: number; readonly y: number}): Result {
	const result = applyKey(state, key, env, pointer);
	if (result.ui.announcement !== state.announcement) {
		return result;
	}

	const announcement = announcementOf(state.nav, result.ui.nav, env.geometry);
	return announcement ? {...result, ui: {...result.ui, announcement}} : result;
}

function applyKey(state: UiState, key: string, env: ControllerEnv, pointer?: {readonly x: number; readonly y: number}): Result {
	const ui = state.message === undefined ? state : {...state, message: undefined};
	const contexts = contextsOf(ui, env);
	const resolution = resolveKey(ui.pending, key, contexts);
	const next = {...ui, pending: resolution.pending};
	const {binding, count} = resolution;
	if (ui.prompt) {
		return promptKey(next, ui.prompt, key, binding?.command, env);
	}

	if (!binding) {
		return {ui: next, effects: []};
	}

	const {command} = binding;
	const entry = env.entryAt(ui.nav.section, ui.nav.expanded, ui.nav.cursor);
	switch (command.type) {
		case 'quit': {
			return {ui: next, effects: [{type: 'quit'}]};
		}

		case 'open-link':
		case 'copy-link': {
			return {ui: next, effects: entry?.href ? [{type: command.type, url: entry.href}] : []};
		}

		case 'search-open':
		case 'command-open': {
			return {ui: {...next, prompt: {kind: command.type === 'search-open' ? 'search' : 'command', text: ''}}, effects: []};
		}

		case 'search-clear': {
			return {ui: {...next, query: ''}, effects: []};
		}

		case 'search-next': {
			if (ui.query === '') {
				return {ui: {...next, message: 'No previous search: press / to search'}, effects: []};
			}

			let moved: UiState = next;
			for (let step = 0; step < count; step++) {
				moved = searchFrom(moved, ui.query, command.direction, env);
			}

			return {ui: moved, effects: []};
		}

		case 'click': {
			const action = pointer && env.hitTest?.(ui.nav, pointer.x, pointer.y);
			return {ui: action ? {...next, nav: navigate(ui.nav, action, env.geometry)} : next, effects: []};
		}

		case 'prompt-submit':
		case 'prompt-cancel':
		case 'prompt-erase':
		case 'prompt-complete': {
			return {ui: next, effects: []};
		}

		case 'move': {
			return {ui: {...next, nav: navigate(ui.nav, {...command, delta: command.delta * count}, env.geometry)}, effects: []};
		}

		default: {
			let nav = ui.nav;
			for (let step = 0; step < count; step++) {
				nav = navigate(nav, command, env.geometry);
			}

			return {ui: {...next, nav}, effects: []};
		}
	}
}

export function initialUi(nav: NavState): UiState {
	return {nav, pending: noPendingKeys, query: ''};
}
