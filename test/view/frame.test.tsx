// The one view has two painters: Ink drawing the components from the frame's parts, and
// frameRows joining the same parts for the bin and SSH sessions before Ink has loaded. They must
// put the same cells on the screen for every kind of frame, or Ink's takeover would show.
import {fileURLToPath} from 'node:url';
import {renderToString} from 'ink';
import {render} from 'ink-testing-library';
import React from 'react';
import stripAnsi from 'strip-ansi';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {loadResumeFile} from '../../source/data/load.js';
import type {Resume} from '../../source/data/schema.js';
import {initialUi} from '../../source/model/controller.js';
import {initialNavState} from '../../source/model/navigation.js';
import {createStore} from '../../source/model/store.js';
import type {Size} from '../../source/terminal/port.js';
import {Frame} from '../../source/view/components/Frame.js';
import {frame, frameParts} from '../../source/view/frame.js';
import {createTheme, withScreenReader, type Style} from '../../source/view/theme.js';
import {createView} from '../../source/view/view.js';
import {ownResume} from '../helpers/render-app.js';
import {screenCells} from '../helpers/screen-cells.js';

function fixture(name: string): Resume {
	const loaded = loadResumeFile(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));
	if (!loaded.ok) {
		throw new Error(loaded.error);
	}

	return loaded.resume;
}

const resumes: Array<[string, Resume]> = [
	['own', ownResume()],
	['hostile', fixture('hostile.json')],
	['CJK and right-to-left', fixture('cjk-rtl.json')],
];
const styles: Array<[string, Style]> = [
	['dark, truecolor, links', {theme: createTheme('dark', 3), hasHyperlinks: true}],
	['mono, no colour', {theme: createTheme('mono', 0), hasHyperlinks: false}],
];
const sizes: Size[] = [
	{columns: 80, rows: 24},
	{columns: 45, rows: 13},
	{columns: 40, rows: 12},
	{columns: 59, rows: 19},
	{columns: 200, rows: 60},
	{columns: 39, rows: 30},
];
const states: Array<[string, string[]]> = [
	['home', []],
	['the menu moved', ['j', 'j']],
	['a section focused', ['tab', 'tab', 'tab', 'l', 'j']],
	['a project expanded', ['tab', 'tab', 'tab', 'l', 'enter']],
	['a search being typed', ['/', 'e', 'r']],
	['a search confirmed', ['/', 'e', 'r', 'enter', 'n']],
	['help', ['?', 'pagedown']],
	['a count pending', ['3']],
];

describe('frame and the Ink components', () => {
	for (const [resumeName, resume] of resumes) {
		for (const [styleName, style] of styles) {
			it(`draw the same cells: ${resumeName} résumé, ${styleName}, every state and size`, async () => {
				for (const size of sizes) {
					const view = createView(resume, size, style);
					for (const [stateName, keys] of states) {
						const store = createStore(initialUi(initialNavState), view.env, () => undefined);
						for (const key of keys) {
							store.press(key);
						}

						const what = `${stateName} at ${size.columns}×${size.rows}`;
						const painted = frame(view, store.getState());
						const ink = renderToString(<Frame parts={frameParts(view, store.getState())} rows={size.rows} />, {columns: size.columns});
						expect(stripAnsi(painted).split('\n').map((row) => row.trimEnd()), what).toEqual(stripAnsi(ink).split('\n').map((row) => row.trimEnd()));
						expect(await screenCells(painted, size), what).toEqual(await screenCells(ink, size));
					}
				}
			});
		}
	}

	it('highlights a search when drawing, keeping the layouts', () => {
		const style = {theme: createTheme('dark', 3), hasHyperlinks: false};
		const view = createView(ownResume(), {columns: 100, rows: 30}, style);
		const store = createStore(initialUi(initialNavState), view.env, () => undefined);
		const layout = view.layoutOf(0, new Set());
		for (const key of ['/', 'L', 'i', 'n', 'u', 'x']) {
			store.press(key);
		}

		expect(view.layoutOf(0, new Set())).toBe(layout);
		const rows = frame(view, store.getState()).split('\n');
		expect(rows.some((row) => row.includes(style.theme.match('Linux')))).toBe(true);
		expect(stripAnsi(rows.at(-1) ?? '')).toMatch(/^\/Linux/);
	});
});

describe('frame and Ink for a screen reader', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
	});

	// Ink's screen-reader output (INK_SCREEN_READER) of the components, held to frameRows: the SSH
	// server's first frame for a screen reader is frameRows, since renderToString has no such mode.
	for (const [resumeName, resume] of resumes) {
		it(`write the same lines: ${resumeName} résumé, every state and size`, () => {
			vi.stubEnv('INK_SCREEN_READER', 'true');
			for (const size of sizes) {
				const view = createView(resume, size, withScreenReader(styles[0]?.[1] ?? {theme: createTheme('dark', 3), hasHyperlinks: true}));
				for (const [stateName, keys] of states) {
					const store = createStore(initialUi(initialNavState), view.env, () => undefined);
					for (const key of keys) {
						store.press(key);
					}

					const parts = frameParts(view, store.getState());
					const ink = render(<Frame parts={parts} rows={size.rows} />);
					expect(ink.lastFrame(), `${stateName} at ${size.columns}×${size.rows}`).toBe(frame(view, store.getState()));
					expect(frame(view, store.getState())).not.toMatch(/[─│❯▸▾›•]|\u001B/);
					ink.unmount();
				}
			}
		});
	}
});
