// Resizing the terminal: after each resize the screen is exactly what a fresh start at that size
// shows (no leftovers of the old frame, no frame drawn twice), and nothing ever scrolls.
import {describe, expect, it} from 'vitest';
import {expectScreen, renderedGrid, startApp, type TestHooks} from './harness.js';
import type {Size} from '../../source/terminal/port.js';

const fresh = new Map<string, Promise<string[]>>();

/** The screen of a fresh start at this size (checked against the in-process render), once per size. */
async function freshStart(test: TestHooks, size: Size): Promise<string[]> {
	const key = `${size.columns}×${size.rows}`;
	let grid = fresh.get(key);
	if (!grid) {
		grid = (async () => {
			const session = startApp(test, {size});
			await expectScreen(session, await renderedGrid(size), `fresh start at ${key}`);
			return session.screen();
		})();
		fresh.set(key, grid);
	}

	return grid;
}

describe.concurrent('resizing', () => {
	it.for([
		{name: 'wide → narrow → medium', sizes: [{columns: 120, rows: 40}, {columns: 60, rows: 20}, {columns: 100, rows: 30}], firstLines: [
			'Balakumaran Kannan · System Programmer',
			'Balakumaran Kannan · System Programmer',
			'Balakumaran Kannan · System Programmer',
		]},
		{name: 'normal → too small → normal', sizes: [{columns: 80, rows: 24}, {columns: 30, rows: 8}, {columns: 80, rows: 24}], firstLines: [
			'Balakumaran Kannan · System Programmer',
			'terminal too small: need 40×12',
			'Balakumaran Kannan · System Programmer',
		]},
	])('$name: each screen equals a fresh start at that size', async ({sizes, firstLines}, test) => {
		const [first, ...rest] = sizes as [Size, ...Size[]];
		const expected = await Promise.all(sizes.map(async (size) => freshStart(test, size)));
		const session = startApp(test, {size: first});
		await expectScreen(session, expected[0] ?? [], `start at ${first.columns}×${first.rows}`);
		for (const [index, size] of rest.entries()) {
			session.resize(size.columns, size.rows);
			await expectScreen(session, expected[index + 1] ?? [], `after resizing to ${size.columns}×${size.rows}`);
		}

		expect(session.scrolledLines(), 'no frame scrolled the terminal').toEqual({normal: 0, alternate: 0});
		expect(expected.map((grid) => grid[0])).toEqual(firstLines);
	});
});
