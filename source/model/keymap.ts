// Keybindings as data: this one table drives the input handler, the footer hints and the help
// screen, so they can never disagree. A key is a name ("j", "ctrl-d", "down"); a sequence is
// names joined by spaces ("z o"). No React or Ink here.
import type {NavAction} from './navigation.js';

/**
 * Where a binding applies. `link` and `project` refine `detail` by what the cursor is on;
 * `prompt` is the search or command line, where other keys type text; `search` is while matches
 * are highlighted; `always` is everywhere.
 */
export type KeyContext = 'always' | 'global' | 'menu' | 'detail' | 'project' | 'link' | 'help' | 'prompt' | 'search';

export type Command =
	| NavAction
	| {readonly type: 'open-link'}
	| {readonly type: 'copy-link'}
	| {readonly type: 'quit'}
	| {readonly type: 'search-open'}
	| {readonly type: 'command-open'}
	| {readonly type: 'search-next'; readonly direction: 'next' | 'previous'}
	| {readonly type: 'search-clear'}
	| {readonly type: 'prompt-submit'}
	| {readonly type: 'prompt-cancel'}
	| {readonly type: 'prompt-erase'}
	| {readonly type: 'prompt-complete'}
	/** A mouse click, placed by the app's hit test (only with --mouse). */
	| {readonly type: 'click'};

export type Binding = {
	readonly keys: readonly string[];
	readonly command: Command;
	readonly description: string;
	/** The footer label; bindings without one appear only in help. */
	readonly hint?: string;
	readonly when: KeyContext;
	/** A count typed before the key repeats or scales it (5j). */
	readonly takesCount?: boolean;
};

const down = {type: 'move', delta: 1} as const;
const up = {type: 'move', delta: -1} as const;

export const keymap: readonly Binding[] = [
	{keys: ['ctrl-c'], command: {type: 'quit'}, description: 'quit, from anywhere', when: 'always'},
	{keys: ['enter'], command: {type: 'prompt-submit'}, description: 'search, or run the command', hint: 'run', when: 'prompt'},
	{keys: ['escape'], command: {type: 'prompt-cancel'}, description: 'cancel (and clear the search)', hint: 'cancel', when: 'prompt'},
	{keys: ['backspace'], command: {type: 'prompt-erase'}, description: 'erase a character', when: 'prompt'},
	{keys: ['tab'], command: {type: 'prompt-complete'}, description: 'complete a command or section name', hint: 'complete', when: 'prompt'},
	{keys: ['escape'], command: {type: 'search-clear'}, description: 'clear the search highlight', hint: 'clear', when: 'search'},
	{keys: ['?'], command: {type: 'toggle-help'}, description: 'show or hide this help', hint: 'help', when: 'global'},
	{keys: ['escape', 'left', 'h'], command: {type: 'back'}, description: 'close help', hint: 'close', when: 'help'},
	{keys: ['down', 'j'], command: down, description: 'scroll down', when: 'help', takesCount: true},
	{keys: ['up', 'k'], command: up, description: 'scroll up', when: 'help', takesCount: true},
	{keys: ['g', 'home'], command: {type: 'edge', to: 'top'}, description: 'top', when: 'help'},
	{keys: ['G', 'end'], command: {type: 'edge', to: 'bottom'}, description: 'bottom', when: 'help'},
	{keys: ['enter', 'o'], command: {type: 'open-link'}, description: 'open the focused link', hint: 'open', when: 'link'},
	{keys: ['y y'], command: {type: 'copy-link'}, description: 'copy the focused link (OSC 52)', hint: 'copy', when: 'link'},
	{keys: ['enter', 'space', 'right', 'l'], command: {type: 'activate'}, description: 'expand or collapse the project', hint: 'expand', when: 'project'},
	{keys: ['z o'], command: {type: 'fold', mode: 'open'}, description: 'expand the project', when: 'project'},
	{keys: ['z c'], command: {type: 'fold', mode: 'close'}, description: 'collapse the project', when: 'project'},
	{keys: ['z a'], command: {type: 'fold', mode: 'toggle'}, description: 'expand or collapse the project', when: 'project'},
	{keys: ['down', 'j'], command: down, description: 'next section', hint: 'move', when: 'menu', takesCount: true},
	{keys: ['up', 'k'], command: up, description: 'previous section', when: 'menu', takesCount: true},
	{keys: ['enter', 'right', 'l', 'space'], command: {type: 'activate'}, description: 'enter the section', hint: 'enter', when: 'menu'},
	{keys: ['g', 'home'], command: {type: 'edge', to: 'top'}, description: 'first section (gg works too)', when: 'menu'},
	{keys: ['G', 'end'], command: {type: 'edge', to: 'bottom'}, description: 'last section', when: 'menu'},
	{keys: ['down', 'j'], command: down, description: 'next item', hint: 'move', when: 'detail', takesCount: true},
	{keys: ['up', 'k'], command: up, description: 'previous item', when: 'detail', takesCount: true},
	{keys: ['escape', 'left', 'h'], command: {type: 'back'}, description: 'back to the sections (Esc first clears a search)', hint: 'back', when: 'detail'},
	{keys: ['g', 'home'], command: {type: 'edge', to: 'top'}, description: 'top of the section (gg works too)', when: 'detail'},
	{keys: ['G', 'end'], command: {type: 'edge', to: 'bottom'}, description: 'bottom of the section', when: 'detail'},
	{keys: ['/'], command: {type: 'search-open'}, description: 'search every section', hint: 'search', when: 'global'},
	{keys: ['n'], command: {type: 'search-next', direction: 'next'}, description: 'next match', when: 'global', takesCount: true},
	{keys: ['N'], command: {type: 'search-next', direction: 'previous'}, description: 'previous match', when: 'global', takesCount: true},
	{keys: [':'], command: {type: 'command-open'}, description: 'command line: :q, :help, :<section>', when: 'global'},
	{keys: ['tab'], command: {type: 'cycle', delta: 1}, description: 'next section', hint: 'section', when: 'global', takesCount: true},
	{keys: ['shift-tab'], command: {type: 'cycle', delta: -1}, description: 'previous section', when: 'global', takesCount: true},
	{keys: ['pagedown', 'ctrl-f'], command: {type: 'page', direction: 1, size: 'full'}, description: 'page down', when: 'global', takesCount: true},
	{keys: ['pageup', 'ctrl-b'], command: {type: 'page', direction: -1, size: 'full'}, description: 'page up', when: 'global', takesCount: true},
	{keys: ['ctrl-d'], command: {type: 'page', direction: 1, size: 'half'}, description: 'half a page down', hint: 'scroll', when: 'global', takesCount: true},
	{keys: ['ctrl-u'], command: {type: 'page', direction: -1, size: 'half'}, description: 'half a page up', when: 'global', takesCount: true},
	{keys: ['z R'], command: {type: 'fold-all', isOpen: true}, description: 'expand every project', when: 'global'},
	{keys: ['z M'], command: {type: 'fold-all', isOpen: false}, description: 'collapse every project', when: 'global'},
	{keys: ['wheel-down'], command: {type: 'scroll', delta: 3}, description: 'scroll down (with --mouse)', when: 'global'},
	{keys: ['wheel-up'], command: {type: 'scroll', delta: -3}, description: 'scroll up (with --mouse)', when: 'global'},
	{keys: ['click'], command: {type: 'click'}, description: 'select a section or an item (with --mouse)', when: 'global'},
	{keys: ['q'], command: {type: 'quit'}, description: 'quit', hint: 'quit', when: 'global'},
];

/** The active contexts, most specific first. */
export function activeContexts(state: {
	readonly isPromptOpen: boolean;
	readonly isSearching: boolean;
	readonly isHelpOpen: boolean;
	readonly focus: 'menu' | 'detail';
	readonly isOnProject: boolean;
	readonly isOnLink: boolean;
}): KeyContext[] {
	if (state.isPromptOpen) {
		return ['prompt', 'always'];
	}

	if (state.isHelpOpen) {
		return ['help', 'global', 'always'];
	}

	const search: KeyContext[] = state.isSearching ? ['search'] : [];
	if (state.focus === 'menu') {
		return [...search, 'menu', 'global', 'always'];
	}

	return [
		...(state.isOnLink ? ['link' as const] : []),
		...(state.isOnProject ? ['project' as const] : []),
		...search,
		'detail',
		'global',
		'always',
	];
}

/** The binding a key (or sequence) triggers in these contexts, most specific context first. */
export function lookup(key: string, contexts: readonly KeyContext[], bindings: readonly Binding[] = keymap): Binding | undefined {
	for (const context of contexts) {
		const binding = bindings.find((candidate) => candidate.when === context && candidate.keys.includes(key));
		if (binding) {
			return binding;
		}
	}

	return undefined;
}

/** A count and the keys of an unfinished sequence typed so far, shown like Vim's showcmd. */
export type PendingKeys = {readonly count: string; readonly prefix: readonly string[]};
export const noPendingKeys: PendingKeys = {count: '', prefix: []};

export type Resolution = {
	readonly pending: PendingKeys;
	readonly binding?: Binding;
	/** The count for the binding: 1 when none was typed or it takes none. */
	readonly count: number;
};

/** Feeds one key to the pending count and sequence; a complete binding comes out when one matches. */
export function resolveKey(pending: PendingKeys, key: string, contexts: readonly KeyContext[], bindings: readonly Binding[] = keymap): Resolution {
	const isCounting = !contexts.includes('prompt') && pending.prefix.length === 0;
	if (isCounting && (/^[1-9]$/.test(key) || (key === '0' && pending.count !== ''))) {
		return {pending: {...pending, count: (pending.count + key).slice(0, 4)}, count: 1};
	}

	const sequence = [...pending.prefix, key].join(' ');
	const binding = lookup(sequence, contexts, bindings);
	if (binding) {
		const count = binding.takesCount && pending.count !== '' ? Number(pending.count) : 1;
		return {pending: noPendingKeys, binding, count};
	}

	const isPrefix = bindings.some((candidate) => contexts.includes(candidate.when) && candidate.keys.some((keys) => keys.startsWith(`${sequence} `)));
	if (isPrefix) {
		return {pending: {...pending, prefix: [...pending.prefix, key]}, count: 1};
	}

	// An unknown key ends the sequence, as in Vim.
	return {pending: noPendingKeys, count: 1};
}

/** The footer: one hint per action that applies now, in context order, without repeats. */
export function hints(contexts: readonly KeyContext[], bindings: readonly Binding[] = keymap): Array<{keys: string; label: string}> {
	const seen = new Set<string>();
	const out: Array<{keys: string; label: string}> = [];
	for (const context of contexts) {
		for (const binding of bindings) {
			if (binding.when !== context || !binding.hint || seen.has(binding.hint)) {
				continue;
			}

			seen.add(binding.hint);
			const keys = binding.command.type === 'move' ? '↑↓ jk' : binding.keys.slice(0, 2).map(keyLabel).join('/');
			out.push({keys, label: binding.hint});
		}
	}

	return out;
}

const labels: Record<string, string> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	enter: 'Enter',
	escape: 'Esc',
	space: 'Space',
	tab: 'Tab',
	'shift-tab': 'Shift-Tab',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	backspace: 'Backspace',
	'wheel-down': 'Wheel↓',
	'wheel-up': 'Wheel↑',
	click: 'Click',
};

/** How a key is written for people: "ctrl-d" → "Ctrl-d", "down" → "↓", "z o" → "zo". */
export function keyLabel(key: string): string {
	if (key.includes(' ')) {
		return key.split(' ').map(keyLabel).join('');
	}

	return labels[key] ?? (key.startsWith('ctrl-') ? `Ctrl-${key.slice(5)}` : key);
}

export type InkKey = {
	readonly upArrow: boolean;
	readonly downArrow: boolean;
	readonly leftArrow: boolean;
	readonly rightArrow: boolean;
	readonly pageUp: boolean;
	readonly pageDown: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return: boolean;
	readonly escape: boolean;
	readonly tab: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
	readonly shift: boolean;
	readonly ctrl: boolean;
	readonly meta: boolean;
};

/** One character of typed or pasted text as a key name: "\r" → "enter", "\u0004" → "ctrl-d". */
export function charName(char: string): string {
	const code = char.codePointAt(0) ?? 0;
	if (char === '\r' || char === '\n') return 'enter';
	if (char === '\t') return 'tab';
	if (char === ' ') return 'space';
	if (char === '\u001B') return 'escape';
	if (code === 0x7f || code === 0x08) return 'backspace';
	if (code >= 1 && code <= 26) return `ctrl-${String.fromCodePoint(code + 96)}`;
	if (code < 0x20 || (code >= 0x80 && code < 0xa0)) return 'unknown';
	return char;
}

export type MouseEvent = {readonly name: 'click' | 'wheel-up' | 'wheel-down' | 'unknown'; readonly x: number; readonly y: number};

/** An SGR mouse report as Ink passes it on ("[<0;12;5M", its ESC removed), 1-based cell. */
export function mouseEvent(input: string): MouseEvent | undefined {
	const report = /^\[<(\d+);(\d+);(\d+)([Mm])$/.exec(input);
	if (!report) {
		return undefined;
	}

	const button = Number(report[1]);
	const [x, y] = [Number(report[2]), Number(report[3])];
	if (button === 64) return {name: 'wheel-up', x, y};
	if (button === 65) return {name: 'wheel-down', x, y};
	if (button === 0 && report[4] === 'M') return {name: 'click', x, y};
	return {name: 'unknown', x, y};
}

/**
 * Ink's (input, key) event as key names, as the table spells them. Ink hands a run of plain
 * characters (typed fast, pasted, or sent together by tmux) over as one event: each counts.
 */
export function keyNames(input: string, key: InkKey): string[] {
	const isPlain = !(key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end || key.escape || key.meta);
	// What is left of an escape sequence Ink does not know (focus reports, mouse without --mouse).
	if (/^(?:\[[<?>]?[\d;]+[\u0020-\u002F]*[\u0040-\u007E]|\[[IO])$/.test(input)) {
		return ['unknown'];
	}

	if (isPlain && [...input].length > 1) {
		return [...input].map(charName);
	}

	return [keyName(input, key)];
}

/** A single Ink key event as one key name. */
export function keyName(input: string, key: InkKey): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.tab) return key.shift ? 'shift-tab' : 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.escape) return 'escape';
	if (key.ctrl && input.length === 1) return `ctrl-${input.toLowerCase()}`;
	if (input === '') return 'unknown';
	return input.length === 1 ? charName(input) : input;
}

/** The text a key types into a prompt, if it types any. */
export function typedText(key: string): string | undefined {
	if (key === 'space') return ' ';
	return [...key].length === 1 && key >= ' ' ? key : undefined;
}

/**
 * The keys at a glance, for `--help`: each row names the bound keys it stands for (`keys`, checked
 * against the table above by test/model/keymap.test.ts) and how they are written in that summary.
 */
export type KeySummary = {readonly shown: string; readonly label: string; readonly keys: readonly string[]};
export const keySummary: readonly KeySummary[] = [
	{shown: '↑ ↓ j k', label: 'move', keys: ['up', 'down', 'j', 'k']},
	{shown: 'Enter → l', label: 'open, expand a project', keys: ['enter', 'right', 'l']},
	{shown: '← h Esc', label: 'back', keys: ['left', 'h', 'escape']},
	{shown: 'Tab', label: 'next section (Shift-Tab: previous)', keys: ['tab', 'shift-tab']},
	{shown: 'PgUp PgDn', label: 'page', keys: ['pageup', 'pagedown']},
	{shown: 'Ctrl-u/d', label: 'half a page up, down', keys: ['ctrl-u', 'ctrl-d']},
	{shown: 'g G', label: 'top, bottom', keys: ['g', 'G']},
	{shown: 'Enter o yy', label: 'open, copy a link', keys: ['enter', 'o', 'y y']},
	{shown: '/ n N', label: 'search, next match', keys: ['/', 'n', 'N']},
	{shown: 'zo zc zR zM', label: 'expand, collapse projects', keys: ['z o', 'z c', 'z R', 'z M']},
	{shown: '5j', label: 'counts', keys: ['j']},
	{shown: ':q :help', label: 'commands (:projects goes there)', keys: [':']},
	{shown: '?', label: 'all keys', keys: ['?']},
	{shown: 'q Ctrl-C', label: 'quit', keys: ['q', 'ctrl-c']},
];

/** The summary in two columns, as `--help` prints it. */
export function keySummaryLines(indent = '  '): string[] {
	const left = keySummary.filter((_, index) => index % 2 === 0);
	const right = keySummary.filter((_, index) => index % 2 === 1);
	// Each column's keys padded to its widest keys and then some; four spaces between the columns.
	const keysWidth = (rows: readonly KeySummary[], gap: number): number => Math.max(...rows.map((row) => row.shown.length)) + gap;
	const cell = (row: KeySummary | undefined, width: number): string => (row ? `${row.shown.padEnd(width)}${row.label}` : '');
	const [leftKeys, rightKeys] = [keysWidth(left, 3), keysWidth(right, 2)];
	const leftWidth = Math.max(...left.map((row) => cell(row, leftKeys).length)) + 4;
	const lines: string[] = [];
	for (const [index, row] of left.entries()) {
		lines.push(`${indent}${cell(row, leftKeys).padEnd(leftWidth)}${cell(right[index], rightKeys)}`.trimEnd());
	}

	return lines;
}
