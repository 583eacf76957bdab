import {describe, expect, it} from 'vitest';
import {helpLines} from '../../source/view/help.js';
import {activeContexts, charName, hints, keyLabel, keymap, keyNames, lookup, noPendingKeys, resolveKey, type KeyContext} from '../../source/model/keymap.js';
import {createTheme} from '../../source/view/theme.js';

const allContexts: KeyContext[][] = [
	activeContexts({isPromptOpen: false, isSearching: false, isHelpOpen: false, focus: 'menu', isOnProject: false, isOnLink: false}),
	activeContexts({isPromptOpen: false, isSearching: false, isHelpOpen: false, focus: 'detail', isOnProject: true, isOnLink: false}),
	activeContexts({isPromptOpen: false, isSearching: false, isHelpOpen: false, focus: 'detail', isOnProject: false, isOnLink: true}),
	activeContexts({isPromptOpen: false, isSearching: false, isHelpOpen: true, focus: 'detail', isOnProject: false, isOnLink: false}),
	activeContexts({isPromptOpen: true, isSearching: false, isHelpOpen: false, focus: 'detail', isOnProject: false, isOnLink: false}),
	activeContexts({isPromptOpen: false, isSearching: true, isHelpOpen: false, focus: 'detail', isOnProject: false, isOnLink: false}),
];

const noKey = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageUp: false, pageDown: false, return: false, escape: false, tab: false, shift: false, ctrl: false, meta: false};

describe('keymap', () => {
	it('reaches every binding through lookup in some state', () => {
		for (const binding of keymap) {
			const reachable = allContexts.some((contexts) => binding.keys.some((key) => lookup(key, contexts) === binding));
			expect(reachable, `${binding.keys.join(' ')} (${binding.when})`).toBe(true);
		}
	});

	it('lists every binding in help, once each', () => {
		const help = helpLines({theme: createTheme('mono', 0), hasHyperlinks: false}, 200).join('\n');
		for (const binding of keymap) {
			expect(help).toContain(`${binding.keys.map(keyLabel).join(' ')}`);
			expect(help).toContain(binding.description);
		}
	});

	it('builds the footer from the same table', () => {
		const footer = hints(allContexts[0] ?? []);
		expect(footer.map((hint) => `${hint.keys} ${hint.label}`)).toEqual(['↑↓ jk move', 'Enter/→ enter', '? help', '/ search', 'Tab section', 'Ctrl-d scroll', 'q quit']);
		for (const hint of footer) {
			expect(keymap.some((binding) => binding.hint === hint.label)).toBe(true);
		}
	});

	it('resolves counts and key sequences', () => {
		const detail = allContexts[1] ?? [];
		let resolution = resolveKey(noPendingKeys, '5', detail);
		expect(resolution.pending).toEqual({count: '5', prefix: []});
		resolution = resolveKey(resolution.pending, 'j', detail);
		expect(resolution).toMatchObject({count: 5, pending: noPendingKeys});
		expect(resolution.binding?.command).toEqual({type: 'move', delta: 1});
		resolution = resolveKey(noPendingKeys, 'z', detail);
		expect(resolution).toMatchObject({pending: {count: '', prefix: ['z']}});
		expect(resolution.binding).toBeUndefined();
		expect(resolveKey(resolution.pending, 'o', detail).binding?.command).toEqual({type: 'fold', mode: 'open'});
		expect(resolveKey(resolution.pending, 'x', detail)).toEqual({pending: noPendingKeys, count: 1});
		expect(resolveKey(noPendingKeys, '0', detail)).toEqual({pending: noPendingKeys, count: 1});
		const prompt = activeContexts({isPromptOpen: true, isSearching: false, isHelpOpen: false, focus: 'detail', isOnProject: false, isOnLink: false});
		expect(resolveKey(noPendingKeys, '5', prompt)).toEqual({pending: noPendingKeys, count: 1});
		expect(lookup('q', prompt)).toBeUndefined();
		expect(lookup('j', prompt)).toBeUndefined();
	});

	it('quits with q and Ctrl-C everywhere', () => {
		for (const contexts of allContexts) {
			expect(lookup('ctrl-c', contexts)?.command).toEqual({type: 'quit'});
			// In a prompt q is text.
			expect(lookup('q', contexts)?.command).toEqual(contexts.includes('prompt') ? undefined : {type: 'quit'});
		}
	});

	it('prefers the link and project bindings inside a section', () => {
		expect(lookup('enter', allContexts[1] ?? [])?.command).toEqual({type: 'activate'});
		expect(lookup('enter', allContexts[2] ?? [])?.command).toEqual({type: 'open-link'});
		expect(lookup('o', allContexts[1] ?? [])).toBeUndefined();
	});

	it('splits a burst of characters into keys', () => {
		expect(keyNames('jjk', noKey)).toEqual(['j', 'j', 'k']);
		expect(keyNames('\rj\r', noKey)).toEqual(['enter', 'j', 'enter']);
		expect(keyNames('j', noKey)).toEqual(['j']);
		expect(keyNames('', {...noKey, downArrow: true})).toEqual(['down']);
		expect(keyNames('d', {...noKey, ctrl: true})).toEqual(['ctrl-d']);
		expect(keyNames('', {...noKey, tab: true, shift: true})).toEqual(['shift-tab']);
		expect(charName('\u0015')).toBe('ctrl-u');
		expect(charName(' ')).toBe('space');
	});
});
