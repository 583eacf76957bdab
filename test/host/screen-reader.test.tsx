// The app for a screen reader, frame by frame: Ink's own screen-reader output (INK_SCREEN_READER)
// of the view's words, held exactly. Each frame is what the terminal is left holding; the
// transcript writes only its lines that changed.
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {keys, plainStyle, renderApp, type AppHarness} from '../helpers/render-app.js';
import {createTheme, withScreenReader} from '../../source/view/theme.js';

beforeEach(() => {
	vi.stubEnv('INK_SCREEN_READER', 'true');
});
afterEach(() => {
	vi.unstubAllEnvs();
});

const header = [
	'Balakumaran Kannan, System Programmer',
	'Bangalore',
	'kumaran.4353@gmail.com, +91 7406479544, https://github.com/0xba1a, https://www.eastrivervillage.com',
	'8 sections. j and k move, Enter opens, h goes back, / searches, ? lists every key, q quits.',
];

const framed = (...lines: string[]): string => [...header, ...lines].join('\n');

async function pressAll(app: AppHarness, ...input: string[]): Promise<string> {
	let frame = app.frame();
	for (const key of input) {
		frame = await app.press(key);
	}

	return frame;
}

describe('the screen-reader frames', () => {
	it.each([
		{columns: 80, rows: 24},
		{columns: 40, rows: 12},
		{columns: 200, rows: 60},
	])('are the same words at any size ($columns×$rows): home, then the section list moved', async (size) => {
		const app = await renderApp({size, style: withScreenReader(plainStyle)});
		expect(app.frame()).toBe(framed('About, 1 of 8'));
		expect(await app.press('j')).toBe(framed('Experience, 2 of 8'));
		expect(await app.press(keys.down)).toBe(framed('Work highlights, 3 of 8'));
		app.unmount();
	});

	it('has no glyph and no colour, whatever the theme', async () => {
		const app = await renderApp({size: {columns: 80, rows: 24}, style: withScreenReader({theme: createTheme('dark', 3), hasHyperlinks: true})});
		const frames = [app.rawFrame(), await pressAll(app, keys.tab, keys.tab, keys.tab, 'l', keys.enter), app.rawFrame(), await pressAll(app, '?'), app.rawFrame()];
		for (const frame of frames) {
			expect(frame).not.toMatch(/[─│❯▸▾›•‹·]|\u001B/);
		}

		app.unmount();
	});

	it('announce a section entered, an item, a project expanded and collapsed', async () => {
		const app = await renderApp({size: {columns: 80, rows: 24}, style: withScreenReader(plainStyle)});
		await pressAll(app, 'j', 'j', 'j');
		expect(await app.press('l')).toBe(
			framed('Projects, 10 items', 'Utilization metric collector - Minute level granularity, collapsed, 1 of 10', 'Flipkart, Bangalore, Jun 2020 – Present'),
		);
		expect(await app.press(keys.enter)).toBe(
			framed(
				'expanded',
				'- Collect CPU, Memory, Network and Disk utilization every minute from 70K+ VMs across 2 DCs',
				'- Architected the project end-to-end from design to delivery',
				'- Developed a new method for VM-Host communication and patented it',
			),
		);
		expect(await app.press('j')).toBe(framed('Performance evaluation of virtual L3-cache, collapsed, 2 of 10', 'Flipkart, Bangalore, Mar 2020 – May 2020'));
		await app.press('k');
		expect(await pressAll(app, 'z', 'c')).toBe(framed('collapsed'));
		expect(await pressAll(app, 'z', 'R')).toBe(framed('Every project expanded'));
		expect(await app.press('h')).toBe(framed('Projects, 4 of 8'));
		app.unmount();
	});

	it('say a link as one, and what opening it did, on a line of its own', async () => {
		const app = await renderApp({size: {columns: 80, rows: 24}, style: withScreenReader(plainStyle)});
		expect(await pressAll(app, 'G', 'l')).toBe(framed('Contact, 5 items', 'Email kumaran.4353@gmail.com, link, 1 of 5'));
		expect(await app.press(keys.enter)).toBe(framed('Contact, 5 items', 'Email kumaran.4353@gmail.com, link, 1 of 5', 'Opening mailto:kumaran.4353@gmail.com'));
		expect(app.opened).toEqual(['mailto:kumaran.4353@gmail.com']);
		app.unmount();
	});

	it('list every key in plain sentences with ?, and say where the reader is when it closes', async () => {
		const app = await renderApp({size: {columns: 80, rows: 24}, style: withScreenReader(plainStyle)});
		expect(await app.press('?')).toBe(
			framed(
				'Keys. Escape or ? closes this list.',
				'Section list:',
				'Down arrow or j: next section.',
				'Up arrow or k: previous section.',
				'Enter or Right arrow or l or Space: enter the section.',
				'g or Home: first section (gg works too).',
				'capital G or End: last section.',
				'Inside a section:',
				'Down arrow or j: next item.',
				'Up arrow or k: previous item.',
				'Escape or Left arrow or h: back to the sections (Esc first clears a search).',
				'g or Home: top of the section (gg works too).',
				'capital G or End: bottom of the section.',
				'On a project:',
				'Enter or Space or Right arrow or l: expand or collapse the project.',
				'z then o: expand the project.',
				'z then c: collapse the project.',
				'z then a: expand or collapse the project.',
				'On a link:',
				'Enter or o: open the focused link.',
				'y then y: copy the focused link (OSC 52).',
				'While a search is shown:',
				'Escape: clear the search highlight.',
				'Anywhere:',
				'question mark: show or hide this help.',
				'slash: search every section.',
				'n: next match.',
				'capital N: previous match.',
				'colon: command line: :q, :help, :<section>.',
				'Tab: next section.',
				'Shift-Tab: previous section.',
				'Page Down or Control-f: page down.',
				'Page Up or Control-b: page up.',
				'Control-d: half a page down.',
				'Control-u: half a page up.',
				'z then capital R: expand every project.',
				'z then capital M: collapse every project.',
				'q: quit.',
				'Even in a prompt:',
				'Control-c: quit, from anywhere.',
				'In the / search or : command line (other keys type text):',
				'Enter: search, or run the command.',
				'Escape: cancel (and clear the search).',
				'Backspace: erase a character.',
				'Tab: complete a command or section name.',
				'In this help:',
				'Escape or Left arrow or h: close help.',
				'Down arrow or j: scroll down.',
				'Up arrow or k: scroll up.',
				'g or Home: top.',
				'capital G or End: bottom.',
			),
		);
		expect(await app.press(keys.escape)).toBe(framed('About, 1 of 8'));
		app.unmount();
	});

	it('say a search as its matches in the section and the match reached, with the prompt last while typing', async () => {
		const app = await renderApp({size: {columns: 80, rows: 24}, style: withScreenReader(plainStyle)});
		expect(await pressAll(app, '/', 'k', 'e', 'r', 'n', 'e', 'l')).toBe(framed('About, 1 of 8', 'Search: kernel'));
		const linux = [
			'Linux OS development for ARM & ARM64, expanded, 4 of 10',
			'Hewlett Packard Enterprise, Bangalore, May 2017 – Jun 2019',
			'- Brought-up two boards. One is an ARM64 based SoC provided by NXP, another is an in-house developed ARM32 SoC',
			'- Prepared our own Linux distribution using Yocto',
			'- Worked on kernel config and userland package selection',
			'- Managed device-tree changes for the board',
			'- Fixed multiple compile-time and bring-up issues',
		];
		const flipkart = [
			'System Engineer, Flipkart, 1 of 4',
			'Jun 2019 – Present, Bangalore',
			'- Managing a private cloud - 2 Datacenters, 30K+ Baremetals, 70K+ VMs',
			'- Linux release management, Driver porting, Kernel & Userspace debugging',
			'- Live utilization metrics collection and analysis (minute level granular)',
			'- In house VM life-cycle orchestrator development',
		];
		expect(await app.press(keys.enter)).toBe(framed('2 matches in Experience, match 1 of 7', ...flipkart));
		await pressAll(app, 'n', 'n', 'n');
		expect(await app.press('n')).toBe(framed('3 matches in Projects, match 5 of 7', ...linux));
		await pressAll(app, 'n', 'n');
		expect(await app.press('n')).toBe(framed('Search went past the end, on from the top.', '2 matches in Experience, match 1 of 7', ...flipkart));
		expect(await pressAll(app, '/', 'z', 'z', keys.enter)).toBe(
			framed('Search went past the end, on from the top.', '2 matches in Experience, match 1 of 7', ...flipkart, 'Pattern not found: zz'),
		);
		app.unmount();
	});
});
