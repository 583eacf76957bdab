// Colour and start-up choices on the real process in a real pty: NO_COLOR, --no-color,
// FORCE_COLOR, TERM=dumb, and opening at a section.
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';
import {cliPath, spawnTerminal, terminalEnv, type TerminalSession, type TestHooks} from './harness.js';

const size = {columns: 80, rows: 24};
// Any SGR that sets something (not the plain reset the painter ends rows with).
const styling = /\u001B\[(?!0?m)[\d;]*m/;
const colour = /\u001B\[(?:[\d;]*;)?(?:3[0-7]|9[0-7]|4[0-7]|10[0-7]|38;5|48;5)[\d;]*m/;

function start(test: TestHooks, env: Record<string, string | undefined>, args: string[] = []): TerminalSession {
	const session = spawnTerminal({args: [cliPath, ...args], cols: size.columns, rows: size.rows, env: terminalEnv(env)});
	test.onTestFinished(async () => session.kill());
	return session;
}

async function firstFrame(test: TestHooks, env: Record<string, string | undefined>, args: string[] = []): Promise<TerminalSession> {
	const session = start(test, env, args);
	await session.waitFor((terminal) => !terminal.isPainting() && terminal.screen().some((line) => line.startsWith('Balakumaran Kannan')), {what: 'the first frame'});
	return session;
}

describe('colour in a terminal', () => {
	it('draws colour by default in a 256-colour terminal', async (test) => {
		expect((await firstFrame(test, {})).output()).toMatch(colour);
	});

	for (const [name, env, args] of [
		['NO_COLOR=1', {NO_COLOR: '1'}, []],
		['NO_COLOR=1 beside FORCE_COLOR=1', {NO_COLOR: '1', FORCE_COLOR: '1'}, []],
		['--no-color', {}, ['--no-color']],
		['a TERM that has no colour', {TERM: 'unknown'}, []],
	] as const) {
		it(`draws no colour or attributes with ${name}`, async (test) => {
			const session = await firstFrame(test, env, [...args]);
			expect(session.output()).not.toMatch(styling);
			expect(session.screen()[0]).toBe('Balakumaran Kannan · System Programmer');
		});
	}

	it('draws the high-contrast theme with --theme high-contrast: the name in its blue at truecolor', async (test) => {
		const session = await firstFrame(test, {COLORTERM: 'truecolor'}, ['--theme', 'high-contrast']);
		const name = session.cells(0).find((cell) => cell.char === 'B');
		expect(name).toMatchObject({bold: true, fg: {mode: 'rgb', rgb: 0x10_6f_f2}});
	});

	it('keeps colour with an empty NO_COLOR, as the convention says', async (test) => {
		expect((await firstFrame(test, {NO_COLOR: ''})).output()).toMatch(colour);
	});

	it('forces colour with FORCE_COLOR where the terminal does not say', async (test) => {
		expect((await firstFrame(test, {TERM: 'unknown', FORCE_COLOR: '1'})).output()).toMatch(colour);
	});

	it('prints the plain text résumé, no cursor moves, to TERM=dumb', async (test) => {
		const session = start(test, {TERM: 'dumb'});
		expect(await session.exit).toMatchObject({exitCode: 0});
		expect(session.output()).not.toContain('\u001B');
		expect(session.output()).toContain('PROJECTS');
	});

	it('opens at a section named on the command line, its first entry focused', async (test) => {
		const session = start(test, {}, ['projects']);
		await session.waitFor((terminal) => terminal.screen().some((line) => line.includes('› ▸ Utilization metric collector')), {what: 'Projects'});
		session.press('enter');
		await session.waitFor((terminal) => terminal.screen().some((line) => line.includes('• Collect CPU, Memory, Network and Disk')), {what: 'the first project expanded'});
	});
});

describe('colour when printing', () => {
	it('prints no escape codes when piped, and colour only when FORCE_COLOR asks', () => {
		expect(runCli(['--format', 'text']).stdout).not.toContain('\u001B');
		expect(runCli(['--format', 'text'], {FORCE_COLOR: '1'}).stdout).toMatch(colour);
		expect(runCli(['--format', 'text'], {FORCE_COLOR: '1', NO_COLOR: '1'}).stdout).not.toContain('\u001B');
		expect(runCli(['--format', 'text', '--no-color'], {FORCE_COLOR: '1'}).stdout).not.toContain('\u001B');
		expect(runCli(['--format', 'text'], {FORCE_COLOR: '0'}).stdout).not.toContain('\u001B');
	});
});
