import {describe, expect, it} from 'vitest';
import {initialNavState, navigate, settle, type Geometry, type NavAction, type NavState, type SectionGeometry} from '../../source/model/navigation.js';

// Three sections: 0 has five 2-line entries (blank lines between), 1 has one entry of 30 lines,
// 2 has an expandable entry that grows from 2 to 8 lines.
function measure(section: number, expanded: ReadonlySet<string>): SectionGeometry {
	if (section === 0) {
		const entries = Array.from({length: 5}, (_, index) => ({start: index * 3, end: index * 3 + 2, isExpandable: false, key: `e${index}`}));
		return {entries, lineCount: 14};
	}

	if (section === 1) {
		return {entries: [{start: 0, end: 30, isExpandable: false, key: 'tall'}], lineCount: 30};
	}

	const size = expanded.has('p') ? 8 : 2;
	return {
		entries: [
			{start: 0, end: size, isExpandable: true, key: 'p'},
			{start: size + 1, end: size + 3, isExpandable: true, key: 'q'},
		],
		lineCount: size + 3,
	};
}

const geometry: Geometry = {sectionCount: 3, height: 5, helpLineCount: 12, expandableKeys: ['p', 'q'], measure};
const run = (actions: NavAction[], from: NavState = initialNavState): NavState =>
	actions.reduce((state, action) => navigate(state, action, geometry), from);
const down: NavAction = {type: 'move', delta: 1};
const up: NavAction = {type: 'move', delta: -1};
const enter: NavAction = {type: 'activate'};

describe('navigation', () => {
	it('moves through sections in the menu, clamped at both ends', () => {
		expect(run([down]).section).toBe(1);
		expect(run([down, down, down, down]).section).toBe(2);
		expect(run([up]).section).toBe(0);
		expect(run([{type: 'edge', to: 'bottom'}]).section).toBe(2);
	});

	it('enters a section and goes back', () => {
		const inside = run([enter]);
		expect(inside).toMatchObject({focus: 'detail', section: 0, cursor: 0, scroll: 0});
		expect(run([{type: 'back'}], inside).focus).toBe('menu');
	});

	it('moves the cursor by entry and scrolls to keep it in view', () => {
		const state = run([enter, down, down]);
		expect(state).toMatchObject({cursor: 2, scroll: 3});
		expect(run([down, down], state)).toMatchObject({cursor: 4, scroll: 9});
		expect(run([down, down, down], state)).toMatchObject({cursor: 4, scroll: 9});
		expect(run([up, up, up, up], state)).toMatchObject({cursor: 0, scroll: 0});
	});

	it('applies a count as that many steps', () => {
		expect(run([enter, {type: 'move', delta: 3}])).toMatchObject({cursor: 3});
	});

	it('scrolls line by line through an entry taller than the viewport', () => {
		const state = run([down, enter]);
		expect(run([down], state)).toMatchObject({cursor: 0, scroll: 1});
		expect(run(Array.from({length: 40}, () => down), state)).toMatchObject({cursor: 0, scroll: 25});
		expect(run([{type: 'edge', to: 'bottom'}, up], state)).toMatchObject({scroll: 24});
	});

	it('pages by a full and a half viewport, then moves the cursor to the end', () => {
		const state = run([down, enter]);
		expect(run([{type: 'page', direction: 1, size: 'full'}], state).scroll).toBe(4);
		expect(run([{type: 'page', direction: 1, size: 'half'}], state).scroll).toBe(2);
		const atEnd = run([{type: 'edge', to: 'bottom'}], run([enter]));
		expect(atEnd).toMatchObject({cursor: 4, scroll: 9});
		const paged = run([{type: 'page', direction: -1, size: 'full'}], atEnd);
		expect(paged.scroll).toBe(5);
		expect(paged.cursor).toBe(2);
	});

	it('expands and collapses a project, revealing what it shows', () => {
		const state = run([down, down, enter, down]);
		expect(state.cursor).toBe(1);
		const expanded = run([enter], state);
		expect([...expanded.expanded]).toEqual(['q']);
		expect(run([enter], expanded).expanded.size).toBe(0);
		const first = run([down, down, enter, enter]);
		expect(first.scroll).toBe(0);
		expect(run([down], first)).toMatchObject({cursor: 0, scroll: 1});
	});

	it('cycles sections with wrap-around and resets the cursor', () => {
		const state = run([enter, down, down]);
		expect(run([{type: 'cycle', delta: 1}], state)).toMatchObject({section: 1, cursor: 0, scroll: 0, focus: 'detail'});
		expect(run([{type: 'cycle', delta: -1}]).section).toBe(2);
		expect(run([{type: 'cycle', delta: 1}, {type: 'cycle', delta: 1}, {type: 'cycle', delta: 1}]).section).toBe(0);
	});

	it('scrolls help on its own and closes it with back or ?', () => {
		const open = run([{type: 'toggle-help'}]);
		expect(open.isHelpOpen).toBe(true);
		expect(run([down, down], open).helpScroll).toBe(2);
		expect(run([{type: 'edge', to: 'bottom'}], open).helpScroll).toBe(7);
		expect(run([down], open).section).toBe(0);
		expect(run([{type: 'back'}], open).isHelpOpen).toBe(false);
		expect(run([{type: 'toggle-help'}], open).isHelpOpen).toBe(false);
	});

	it('settles an out-of-range scroll after the viewport grows', () => {
		const state: NavState = {...initialNavState, section: 0, focus: 'detail', cursor: 4, scroll: 9};
		expect(settle(state, {...geometry, height: 20})).toMatchObject({cursor: 4, scroll: 0});
		expect(settle(state, geometry)).toBe(state);
	});

	it('goes straight to a section', () => {
		expect(run([{type: 'go-to-section', section: 2}])).toMatchObject({section: 2, focus: 'detail', cursor: 0});
	});

	it('opens, closes and toggles the entry under the cursor (zo, zc, za)', () => {
		const state = run([down, down, enter]);
		const open = run([{type: 'fold', mode: 'open'}], state);
		expect([...open.expanded]).toEqual(['p']);
		expect(run([{type: 'fold', mode: 'open'}], open)).toBe(open);
		expect(run([{type: 'fold', mode: 'close'}], open).expanded.size).toBe(0);
		expect([...run([{type: 'fold', mode: 'toggle'}], state).expanded]).toEqual(['p']);
		expect(run([{type: 'fold', mode: 'open'}], run([enter]))).toEqual(run([enter]));
	});

	it('expands and collapses every project (zR, zM)', () => {
		const all = run([{type: 'fold-all', isOpen: true}]);
		expect([...all.expanded]).toEqual(['p', 'q']);
		expect(run([{type: 'fold-all', isOpen: false}], all).expanded.size).toBe(0);
	});

	it('jumps to a match, expanding the project that holds it', () => {
		const state = run([{type: 'jump', section: 2, entry: 1, expand: 'q'}]);
		expect(state).toMatchObject({section: 2, cursor: 1, focus: 'detail', scroll: 0});
		expect([...state.expanded]).toEqual(['q']);
		expect(run([{type: 'jump', section: 0, entry: 4}])).toMatchObject({section: 0, cursor: 4, scroll: 9});
	});
});
