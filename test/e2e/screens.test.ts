// The built CLI in a real terminal shows exactly what React rendered, screen by screen, at
// three sizes, and the same with CI=true (Ink's CI mode is not used, so nothing may change).
import {describe, expect, it} from 'vitest';
import {buildSections} from '../../source/document/sections.js';
import {ownResume} from '../helpers/render-app.js';
import {expectScreen, renderedGrid, startApp, styledScreen, type KeyName, type TerminalSession} from './harness.js';
import type {Size} from '../../source/terminal/port.js';

type Step = {readonly name: string; readonly keys: readonly KeyName[]; readonly path: readonly KeyName[]};

/** The screens to walk through: each with the keys that lead there from the previous one, and from the start. */
function walk(): Step[] {
	const sectionCount = buildSections(ownResume()).length;
	const steps: Step[] = [{name: 'home', keys: [], path: []}];
	const add = (name: string, keys: KeyName[], path: KeyName[] = [...(steps.at(-1)?.path ?? []), ...keys]): void => {
		steps.push({name, keys, path});
	};

	for (let section = 2; section <= sectionCount; section++) {
		add(`section ${section} (Tab)`, ['tab']);
	}

	add('home again (Tab wraps around)', ['tab'], []);
	add('projects', ['tab', 'tab', 'tab']);
	add('projects, pane focused (l)', ['l']);
	add('projects, first one expanded (Enter)', ['enter']);
	add('help (?)', ['?']);
	return steps;
}

const steps = walk();

/** Walks every screen, asserting each against the in-process render; returns each screen's grid. */
async function walkScreens(session: TerminalSession, size: Size, oracles: ReadonlyMap<string, string[]>): Promise<Map<string, string[]>> {
	const grids = new Map<string, string[]>();
	for (const step of steps) {
		session.press(...step.keys);
		await expectScreen(session, oracles.get(step.name) ?? [], `${step.name} at ${size.columns}×${size.rows}`);
		grids.set(step.name, session.screen());
	}

	expect(session.scrolledLines(), 'no frame scrolled the terminal').toEqual({normal: 0, alternate: 0});
	expect(session.isAlternateScreen()).toBe(true);
	expect(session.isCursorVisible()).toBe(false);
	return grids;
}

async function oraclesAt(size: Size): Promise<Map<string, string[]>> {
	const oracles = new Map<string, string[]>();
	for (const step of steps) {
		oracles.set(step.name, await renderedGrid(size, step.path));
	}

	return oracles;
}

describe.concurrent.each([
	{columns: 80, rows: 24},
	{columns: 120, rows: 40},
	{columns: 60, rows: 20},
])('at $columns×$rows', (size) => {
	it('shows home, every section, an expanded project and help exactly as React renders them, with or without CI=true', async (test) => {
		const expected = await oraclesAt(size);
		const plain = startApp(test, {size});
		const ci = startApp(test, {size, env: {CI: 'true'}});
		const [plainGrids, ciGrids] = await Promise.all([walkScreens(plain, size, expected), walkScreens(ci, size, expected)]);

		const home = plainGrids.get('home') ?? [];
		expect(home[0]).toBe('Balakumaran Kannan · System Programmer');
		expect(home).toContain('─'.repeat(size.columns));
		expect(home.at(-1)).toMatch(/^↑↓ jk move {2}Enter\/→ enter {2}\? help/);
		expect(plainGrids.get('help (?)')?.some((line) => /^Keys {2,}1–\d+ of \d+$|^Keys$/.test(line))).toBe(true);
		expect(plainGrids.get('projects, first one expanded (Enter)')?.join('\n')).toContain('› ▾ Utilization metric collector');
		for (const name of ['home', 'projects, first one expanded (Enter)', 'help (?)']) {
			expect(ciGrids.get(name), `${name} with CI=true`).toEqual(plainGrids.get(name));
		}
	});
});

// chalk's supports-color reports no colour whenever CI is set; the app decides colour itself.
it('draws the same colours and attributes with CI=true as without', async (test) => {
	const size = {columns: 80, rows: 24};
	const expected = await renderedGrid(size);
	const plain = startApp(test, {size});
	const ci = startApp(test, {size, env: {CI: 'true'}});
	await Promise.all([expectScreen(plain, expected, 'home'), expectScreen(ci, expected, 'home with CI=true')]);
	expect(styledScreen(ci)).toEqual(styledScreen(plain));
});
