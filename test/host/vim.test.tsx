// Vim's keys through the whole app: search, counts, folds, the command line and yank.
import {afterEach, describe, expect, it} from 'vitest';
import {createTheme} from '../../source/view/theme.js';
import {keys, renderApp, type AppHarness} from '../helpers/render-app.js';

let app: AppHarness | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const lines = (frame: string): string[] => frame.split('\n');
const footer = (frame: string): string => lines(frame).at(-1) ?? '';
const start = async (): Promise<AppHarness> => {
	app = await renderApp({size: {columns: 100, rows: 30}});
	return app;
};

describe('search', () => {
	it('opens a prompt at the bottom where letters are text, not commands', async () => {
		const app = await start();
		const home = app.frame();
		expect(footer(await app.press('/'))).toBe('/');
		const typed = await app.press('jkq?G');
		expect(footer(typed)).toBe('/jkq?G');
		expect(lines(typed).slice(0, -1)).toEqual(lines(home).slice(0, -1));
		expect(footer(await app.press(keys.escape))).toMatch(/^↑↓ jk move/);
		expect(app.quits()).toBe(0);
	});

	it('highlights live and counts matches per section, smart-case', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}, style: {theme: createTheme('mono', 1), hasHyperlinks: false}});
		const frame = await app.press('/linux');
		expect(frame).toContain('❯ About 1');
		expect(frame).toContain('  Experience 3');
		expect(frame).toContain('  Work highlights 2');
		expect(frame).toContain('  Projects 3');
		expect(frame).toContain('  Skills 1');
		expect(app.rawFrame()).toContain('\u001B[7mLinux\u001B[27m system programmer');
		await app.press(keys.escape);
		const exact = await app.press('/Linux');
		expect(exact).toContain('  Projects 3');
		expect(exact).toContain('  Experience 3');
		await app.press(keys.escape);
		const none = await app.press('/LINUX');
		expect(none).not.toMatch(/Projects \d/);
	});

	it('jumps to the first match on Enter and cycles with n and N across sections, wrapping', async () => {
		const app = await start();
		// "kernel", any case: Flipkart's and SONY's jobs, HPE's and Sony's highlights, and three
		// projects whose bullets (hidden until expanded) say it.
		const first = await app.press('/kernel\r');
		expect(footer(first)).toBe('/kernel 1/7');
		expect(first).toContain('› System Engineer · Flipkart');
		expect(first).toContain('❯ Experience');
		expect(footer(await app.press('n'))).toBe('/kernel 2/7');
		expect(app.frame()).toContain('› Consultant Software Engineer · SONY');
		const third = await app.press('n');
		expect(footer(third)).toBe('/kernel 3/7');
		expect(third).toContain('› HPE');
		expect(third).toContain('❯ Work highlights');
		await app.press('n');
		const fifth = await app.press('n');
		expect(fifth).toContain('› ▾ Linux OS development for ARM & ARM64');
		expect(fifth).toContain('• Worked on kernel config and userland package selection');
		await app.press('n');
		const seventh = await app.press('n');
		expect(seventh).toContain('› ▾ Preparation of SONY Linux');
		expect(footer(await app.press('n'))).toBe('search hit BOTTOM, continuing at TOP · /kernel 1/7');
		expect(footer(await app.press('N'))).toBe('search hit TOP, continuing at BOTTOM · /kernel 7/7');
		expect(footer(await app.press('2N'))).toBe('/kernel 5/7');
	});

	it('says when nothing matches, and n without a search says how to search', async () => {
		const app = await start();
		expect(footer(await app.press('n'))).toBe('No previous search: press / to search');
		expect(footer(await app.press('/zzzz\r'))).toBe('Pattern not found: zzzz');
	});

	it('clears the highlight with Esc', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}, style: {theme: createTheme('mono', 1), hasHyperlinks: false}});
		await app.press('/vim\r');
		expect(app.rawFrame()).toContain('\u001B[7mVim\u001B[27m');
		const cleared = await app.press(keys.escape);
		expect(app.rawFrame()).not.toContain('\u001B[7mVim');
		expect(cleared).toContain('› Linux system programmer');
	});
});

describe('counts and movement', () => {
	it('moves by a count, and gg / G go to the top and bottom', async () => {
		const app = await start();
		await app.press('3j');
		const projects = await app.press('l');
		expect(projects).toContain('› ▸ Utilization metric collector');
		expect(await app.press('4j')).toContain('› ▸ Bootloader development for ARM32');
		expect(await app.press('G')).toContain('› ▸ Application development for connected devices');
		expect(await app.press('gg')).toContain('› ▸ Utilization metric collector');
		expect(footer(await app.press('1'))).toMatch(/ 1$/);
		expect(footer(await app.press('2'))).toMatch(/ 12$/);
		expect(app.frame()).toContain('› ▸ Utilization metric collector');
	});

	it('pages with Ctrl-f and Ctrl-b', async () => {
		app = await renderApp({size: {columns: 80, rows: 24}});
		await app.press('3jl');
		expect(lines(await app.press('\u0006'))[5]).toMatch(/17–33 of \d+$/);
		expect(lines(await app.press('\u0002'))[5]).toMatch(/1–17 of \d+$/);
	});
});

describe('folds', () => {
	it('opens, closes and toggles a project with zo, zc and za', async () => {
		const app = await start();
		await app.press('3jl');
		const open = await app.press('zo');
		expect(open).toContain('› ▾ Utilization metric collector');
		expect(footer(await app.press('z'))).toMatch(/ z$/);
		expect(await app.press('o')).toBe(open);
		expect(await app.press('zc')).toContain('› ▸ Utilization metric collector');
		expect(await app.press('za')).toBe(open);
	});

	it('expands and collapses every project with zR and zM', async () => {
		const app = await start();
		await app.press('3jl');
		const collapsed = lines(app.frame())[5];
		const all = await app.press('zR');
		expect(all).not.toContain('▸');
		expect(lines(all)[5]).not.toBe(collapsed);
		expect(await app.press('G')).toContain('• Developed two prototype applications - BigFlix and Flickr - on Samsung\n');
		expect(await app.press('gg')).toContain('• Collect CPU, Memory, Network and Disk utilization every minute from 70K+');
		const none = await app.press('zM');
		expect(none).not.toContain('▾');
		expect(lines(none)[5]).toBe(collapsed);
	});
});

describe('the command line', () => {
	it('quits with :q', async () => {
		const app = await start();
		await app.press(':q\r');
		expect(app.quits()).toBe(1);
	});

	it('opens help with :help and goes to a section with :<section>', async () => {
		const app = await start();
		expect(lines(await app.press(':help\r'))[5]).toMatch(/^Keys/);
		const patents = await app.press(':patents\r');
		expect(patents).toContain('❯ Patents');
		expect(patents).toContain('› DHCP-HA service on a Blockchain');
	});

	it('completes section names with Tab and reports unknown commands', async () => {
		const app = await start();
		expect(footer(await app.press(':pro\t'))).toBe(':projects');
		expect(await app.press('\r')).toContain('› ▸ Utilization metric collector');
		const both = await app.press(':e\t');
		expect(footer(both)).toBe(':e');
		await app.press(keys.escape);
		expect(footer(await app.press(':nope\r'))).toMatch(/^Not a command: nope \(try :help, :q or one of about, experience, highlights, projects/);
	});
});

describe('yank', () => {
	it('copies the focused link with yy and confirms it', async () => {
		const app = await start();
		await app.press(keys.shiftTab + 'l');
		expect(footer(await app.press('yy'))).toBe('Copied mailto:kumaran.4353@gmail.com');
	});
});

describe('the mouse (with --mouse)', () => {
	it('scrolls with the wheel and selects with a click', async () => {
		app = await renderApp({size: {columns: 80, rows: 24}});
		await app.press('3j');
		expect(lines(await app.press('\u001B[<65;40;10M'))[5]).toMatch(/Projects\s+4–20 of \d+$/);
		expect(lines(await app.press('\u001B[<64;40;10M'))[5]).toMatch(/Projects\s+1–17 of \d+$/);
		// Click the screen row that shows the second project's title (rows are 1-based).
		const row = lines(app.frame()).findIndex((line) => line.includes('▸ Performance evaluation')) + 1;
		expect(lines(await app.press(`\u001B[<0;40;${row}M`))[row - 1]).toMatch(/› ▸ Performance evaluation/);
		// Column 3 is in the menu, whose rows start with About; Education is the sixth.
		const about = lines(app.frame()).findIndex((line) => / About /.test(line)) + 1;
		expect(lines(await app.press(`\u001B[<0;3;${about + 5}M`))[about + 4]).toMatch(/^❯ Education/);
	});

	it('ignores reports it does not use, and their remnants never type', async () => {
		const app = await start();
		const home = app.frame();
		app.press('\u001B[<2;40;10M');
		app.press('\u001B[I');
		expect(await app.press('\u001B[<0;40;10m')).toBe(home);
	});
});
