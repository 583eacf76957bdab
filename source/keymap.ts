// Keybindings as data: this one table drives the input handler, the footer hints and the help
// screen, so they can never disagree. No React or Ink here.
import type {NavAction} from './navigation.js';

/** Where a binding applies. `link` and `project` refine `detail` by what the cursor is on. */
export type KeyContext = 'global' | 'menu' | 'detail' | 'project' | 'link' | 'help';

export type Command = NavAction | {readonly type: 'open-link'} | {readonly type: 'quit'};

export type Binding = {
	readonly keys: readonly string[];
	readonly command: Command;
	readonly description: string;
	/** The footer label; bindings without one appear only in help. */
	readonly hint?: string;
	readonly when: KeyContext;
};

export const keymap: readonly Binding[] = [
	{keys: ['ctrl-c'], command: {type: 'quit'}, description: 'quit, from anywhere', when: 'global'},
	{keys: ['?'], command: {type: 'toggle-help'}, description: 'show or hide this help', hint: 'help', when: 'global'},
	{keys: ['escape', 'left', 'h'], command: {type: 'back'}, description: 'close help', hint: 'close', when: 'help'},
	{keys: ['down', 'j'], command: {type: 'move', delta: 1}, description: 'scroll down', when: 'help'},
	{keys: ['up', 'k'], command: {type: 'move', delta: -1}, description: 'scroll up', when: 'help'},
	{keys: ['enter', 'o'], command: {type: 'open-link'}, description: 'open the focused link', hint: 'open', when: 'link'},
	{keys: ['enter', 'space', 'right', 'l'], command: {type: 'activate'}, description: 'expand or collapse the project', hint: 'expand', when: 'project'},
	{keys: ['down', 'j'], command: {type: 'move', delta: 1}, description: 'next section', hint: 'move', when: 'menu'},
	{keys: ['up', 'k'], command: {type: 'move', delta: -1}, description: 'previous section', when: 'menu'},
	{keys: ['enter', 'right', 'l', 'space'], command: {type: 'activate'}, description: 'enter the section', hint: 'enter', when: 'menu'},
	{keys: ['g', 'home'], command: {type: 'edge', to: 'top'}, description: 'first section', when: 'menu'},
	{keys: ['G', 'end'], command: {type: 'edge', to: 'bottom'}, description: 'last section', when: 'menu'},
	{keys: ['down', 'j'], command: {type: 'move', delta: 1}, description: 'next item', hint: 'move', when: 'detail'},
	{keys: ['up', 'k'], command: {type: 'move', delta: -1}, description: 'previous item', when: 'detail'},
	{keys: ['escape', 'left', 'h'], command: {type: 'back'}, description: 'back to the sections', hint: 'back', when: 'detail'},
	{keys: ['g', 'home'], command: {type: 'edge', to: 'top'}, description: 'top of the section', when: 'detail'},
	{keys: ['G', 'end'], command: {type: 'edge', to: 'bottom'}, description: 'bottom of the section', when: 'detail'},
	{keys: ['tab'], command: {type: 'cycle', delta: 1}, description: 'next section', hint: 'section', when: 'global'},
	{keys: ['shift-tab'], command: {type: 'cycle', delta: -1}, description: 'previous section', when: 'global'},
	{keys: ['pagedown'], command: {type: 'page', direction: 1, size: 'full'}, description: 'page down', when: 'global'},
	{keys: ['pageup'], command: {type: 'page', direction: -1, size: 'full'}, description: 'page up', when: 'global'},
	{keys: ['ctrl-d'], command: {type: 'page', direction: 1, size: 'half'}, description: 'half a page down', hint: 'scroll', when: 'global'},
	{keys: ['ctrl-u'], command: {type: 'page', direction: -1, size: 'half'}, description: 'half a page up', when: 'global'},
	{keys: ['q'], command: {type: 'quit'}, description: 'quit', hint: 'quit', when: 'global'},
];

/** The active contexts, most specific first; help shadows everything but global keys. */
export function activeContexts(state: {
	readonly isHelpOpen: boolean;
	readonly focus: 'menu' | 'detail';
	readonly isOnProject: boolean;
	readonly isOnLink: boolean;
}): KeyContext[] {
	if (state.isHelpOpen) {
		return ['help', 'global'];
	}

	if (state.focus === 'menu') {
		return ['menu', 'global'];
	}

	return [...(state.isOnLink ? ['link' as const] : []), ...(state.isOnProject ? ['project' as const] : []), 'detail', 'global'];
}

/** The binding a key triggers in these contexts, most specific context first. */
export function lookup(key: string, contexts: readonly KeyContext[], bindings: readonly Binding[] = keymap): Binding | undefined {
	for (const context of contexts) {
		const binding = bindings.find((candidate) => candidate.when === context && candidate.keys.includes(key));
		if (binding) {
			return binding;
		}
	}

	return undefined;
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
};

/** How a key is written for people: "ctrl-d" → "Ctrl-d", "down" → "↓". */
export function keyLabel(key: string): string {
	return labels[key] ?? (key.startsWith('ctrl-') ? `Ctrl-${key.slice(5)}` : key);
}

type InkKey = {
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
	return char;
}

/**
 * Ink's (input, key) event as key names, as the table spells them. Ink hands a run of plain
 * characters (typed fast, pasted, or sent together by tmux) over as one event: each counts.
 */
export function keyNames(input: string, key: InkKey): string[] {
	const isPlain = !(key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end || key.escape || key.meta);
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
	if (key.escape) return 'escape';
	if (key.ctrl && input.length === 1) return `ctrl-${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	return input;
}
