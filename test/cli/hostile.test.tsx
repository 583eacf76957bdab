// test/fixtures/hostile.json carries escape sequences (CSI, OSC 52, OSC 8, DCS, C1), control
// characters, bidi overrides, CJK and emoji, unsafe link schemes, a 100 000-character summary and a
// 10 000-character word. Nothing of it may reach a terminal as anything but text.
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {afterEach, describe, expect, it} from 'vitest';
import {loadResumeFile} from '../../source/data/load.js';
import {createTheme} from '../../source/view/theme.js';
import {keys, renderApp, type AppHarness} from '../helpers/render-app.js';
import {runCli} from '../helpers/run-cli.js';

const hostilePath = fileURLToPath(new URL('../fixtures/hostile.json', import.meta.url));

function load() {
	const loaded = loadResumeFile(hostilePath);
	if (!loaded.ok) {
		throw new Error(loaded.error);
	}

	return loaded.resume;
}

/** What the built bin prints for the hostile file; it must exit 0 and say nothing on stderr. */
function print(format: string, width: number): string {
	const result = runCli(['--resume', hostilePath, '--format', format, '--width', String(width)]);
	expect(result).toMatchObject({status: 0, stderr: ''});
	return result.stdout;
}

const bidi = /[\u202A-\u202E\u2066-\u2069]/u;
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

let app: AppHarness | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('hostile content', () => {
	it('prints text, Markdown and JSON with no escape or control bytes and no bidi overrides', () => {
		for (const format of ['text', 'markdown', 'json'] as const) {
			const output = print(format, 80);
			expect(output, format).not.toContain('\u001B');
			expect(output, format).not.toMatch(controls);
			expect(output, format).not.toMatch(bidi);
		}
	});

	it('keeps CJK and emoji, wrapped by display width within the width', () => {
		for (const width of [20, 41, 80]) {
			const text = print('text', width);
			expect(text).toContain('李小龍 🐉');
			for (const line of text.split('\n')) {
				expect(stringWidth(line), line).toBeLessThanOrEqual(width);
			}
		}
	});

	it('cuts the 100 000-character summary short and breaks the 10 000-character word', () => {
		const text = print('text', 80);
		expect(text).toContain('… (96000 more characters)');
		expect(text).toContain(`• ${'A'.repeat(78)}\n  ${'A'.repeat(78)}`);
	});

	it('never links an unsafe scheme, but shows it as text', () => {
		const markdown = print('markdown', 80);
		expect(markdown).not.toMatch(/\]\(<?(?:javascript|file|data):/i);
		expect(markdown).toContain('- *Website*  javascript:alert(1)\n');
		expect(markdown).toContain('[https://example.com/red](<https://example.com/red>)');
	});

	it('draws every frame within the terminal, with only colour and safe OSC 8 links as escapes', async () => {
		app = await renderApp({size: {columns: 60, rows: 20}, resume: load(), style: {theme: createTheme('dark', 3), hasHyperlinks: true}});
		const frames = [app.rawFrame()];
		for (const input of [keys.enter, 'G', 'g', keys.tab, keys.enter, 'G', keys.tab, keys.tab, keys.enter, 'j', 'j', 'o', 'j', 'o']) {
			await app.send(input);
			frames.push(app.rawFrame());
		}

		for (const frame of frames) {
			const lines = frame.split('\n');
			expect(lines.length).toBeLessThanOrEqual(20);
			for (const line of lines) {
				expect(stringWidth(stripAnsi(line))).toBeLessThanOrEqual(60);
			}

			const sequences = frame.match(/\u001B\[[\d;?]*[A-Za-z]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g) ?? [];
			for (const sequence of sequences) {
				expect(sequence).toMatch(/^\u001B\[[\d;]*m$|^\u001B\]8;;(?:(?:https?|mailto|tel):[^\u0007]*)?\u0007$/);
			}

			const rest = frame.replace(/\u001B\[[\d;?]*[A-Za-z]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g, '');
			expect(rest).not.toContain('\u001B');
			expect(rest).not.toMatch(controls);
			expect(rest).not.toMatch(bidi);
		}

		expect(app.opened.every((url) => /^(https?|mailto|tel):/.test(url))).toBe(true);
	});
});
