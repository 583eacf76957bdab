import {describe, expect, it} from 'vitest';
import {helpLines} from '../source/help.js';
import {activeContexts, charName, hints, keyLabel, keymap, keyNames, lookup, type KeyContext} from '../source/keymap.js';
import {createTheme} from '../source/theme.js';

const allContexts: KeyContext[][] = [
	activeContexts({isHelpOpen: false, focus: 'menu', isOnProject: false, isOnLink: false}),
	activeContexts({isHelpOpen: false, focus: 'detail', isOnProject: true, isOnLink: false}),
	activeContexts({isHelpOpen: false, focus: 'detail', isOnProject: false, isOnLink: true}),
	activeContexts({isHelpOpen: true, focus: 'detail', isOnProject: false, isOnLink: false}),
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
		const help = helpLines({theme: createTheme('mono', 0), hasHyperlinks: false}, 100).join('\n');
		for (const binding of keymap) {
			expect(help).toContain(`${binding.keys.map(keyLabel).join(' ')}`);
			expect(help).toContain(binding.description);
		}
	});

	it('builds the footer from the same table', () => {
		const footer = hints(allContexts[0] ?? []);
		expect(footer.map((hint) => `${hint.keys} ${hint.label}`)).toEqual(['↑↓ jk move', 'Enter/→ enter', '? help', 'Tab section', 'Ctrl-d scroll', 'q quit']);
		for (const hint of footer) {
			expect(keymap.some((binding) => binding.hint === hint.label)).toBe(true);
		}
	});

	it('quits with q and Ctrl-C everywhere', () => {
		for (const contexts of allContexts) {
			expect(lookup('ctrl-c', contexts)?.command).toEqual({type: 'quit'});
			expect(lookup('q', contexts)?.command).toEqual({type: 'quit'});
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
