import {fileURLToPath} from 'node:url';
import {renderToString} from 'ink';
import React from 'react';
import stripAnsi from 'strip-ansi';
import {describe, expect, it} from 'vitest';
import {App} from '../../source/host/App.js';
import {loadResumeFile} from '../../source/data/load.js';
import type {Resume} from '../../source/data/schema.js';
import type {Style} from '../../source/document/layout.js';
import {homeScreen} from '../../source/view/home-screen.js';
import type {Size} from '../../source/view/screen-plan.js';
import {createTheme} from '../../source/view/theme.js';
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
	['sample', fixture('jsonresume-sample.json')],
	['hostile', fixture('hostile.json')],
];
const styles: Array<[string, Style]> = [
	['dark, truecolor, links', {theme: createTheme('dark', 3), hasHyperlinks: true}],
	['light, 16 colours', {theme: createTheme('light', 1), hasHyperlinks: false}],
	['mono, no colour', {theme: createTheme('mono', 0), hasHyperlinks: false}],
];
const sizes: Size[] = [
	{columns: 80, rows: 24},
	{columns: 100, rows: 30},
	{columns: 40, rows: 12},
	{columns: 59, rows: 19},
	{columns: 60, rows: 20},
	{columns: 45, rows: 13},
	{columns: 120, rows: 40},
	{columns: 200, rows: 60},
	{columns: 39, rows: 30},
	{columns: 80, rows: 11},
	{columns: 1, rows: 1},
];

const noop = (): string => '';

describe('homeScreen', () => {
	for (const [resumeName, resume] of resumes) {
		for (const [styleName, style] of styles) {
			it(`shows what the App's first frame shows: ${resumeName} résumé, ${styleName}, every size`, async () => {
				for (const size of sizes) {
					const app = renderToString(<App resume={resume} size={size} style={style} onOpenLink={noop} onQuit={noop} />, {columns: size.columns});
					const early = homeScreen(resume, size, style);
					// The same text row for row, then the same cells (colours, attributes, links).
					expect(stripAnsi(early).split('\n').map((row) => row.trimEnd()), `${size.columns}×${size.rows}`).toEqual(stripAnsi(app).split('\n').map((row) => row.trimEnd()));
					expect(await screenCells(early, size), `${size.columns}×${size.rows}`).toEqual(await screenCells(app, size));
				}
			});
		}
	}

	it('is the whole screen: a header, the menu with About chosen, the pane and the key hints', () => {
		const screen = stripAnsi(homeScreen(ownResume(), {columns: 80, rows: 24}, {theme: createTheme('mono', 0), hasHyperlinks: false})).split('\n');
		expect(screen).toHaveLength(24);
		expect(screen[0]).toContain('Balakumaran Kannan');
		expect(screen.at(-1)).toMatch(/^↑↓ jk/);
		expect(screen.find((row) => row.startsWith('❯ About'))).toBeDefined();
	});
});
