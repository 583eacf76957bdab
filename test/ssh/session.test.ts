// The served résumé through the real OpenSSH client: in a pseudo-terminal for the full-screen app,
// without one for the printed outputs.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import resumeDocument from '../../data/resume.json' with {type: 'json'};
import {parseResume} from '../../source/data/load.js';
import type {SectionId} from '../../source/document/model.js';
import {buildSections} from '../../source/document/sections.js';
import {printResume} from '../../source/cli/print/print.js';
import {killAll, spawnTerminal, terminalEnv, type TerminalSession} from '../e2e/pty-terminal.mjs';
import {ssh, sshArgs, startServe, stopAll, type Served} from './helpers/serve.js';

const loaded = parseResume(resumeDocument, 'data/resume.json');
if (!loaded.ok) {
	throw new Error(loaded.error);
}

const {resume} = loaded;
let served: Served;
beforeAll(async () => {
	// Many short visits from one address here: the rate and per-address limits have tests of their own.
	served = await startServe(['--rate-per-address', '1000', '--max-per-address', '100']);
});
afterAll(async () => {
	await killAll();
	await stopAll();
});

/**
 * `ssh -tt` in a pty of cols×rows, under a shell that prints ssh's exit status and then waits:
 * node-pty may report a process's exit before its last output is read, so tests wait for the
 * status line instead, which comes after everything ssh wrote.
 */
function sshInTerminal(options: {cols?: number; rows?: number; env?: Record<string, string | undefined>; extra?: string[]; command?: string[]; port?: number} = {}): TerminalSession {
	return spawnTerminal({
		file: 'sh',
		args: ['-c', 'ssh "$@"; echo "[ssh exit $?]"; read -r line', 'sh', ...sshArgs(options.port ?? served.port), '-tt', ...(options.extra ?? []), 'visitor@127.0.0.1', ...(options.command ?? [])],
		cols: options.cols ?? 100,
		rows: options.rows ?? 30,
		env: terminalEnv(options.env),
	});
}

/** ssh's exit status, once it has exited and everything it wrote is on the screen. */
async function sshExit(session: TerminalSession): Promise<number> {
	const match = await session.waitFor((terminal) => /\[ssh exit (\d+)\]/.exec(terminal.bufferLines('normal').join('\n')), {what: "ssh's exit"});
	return Number(match[1]);
}

/** The normal buffer's lines before the exit status line. */
const printedLines = (session: TerminalSession): string[] => session.bufferLines('normal').filter((line) => !line.startsWith('[ssh exit'));

const firstFrame = async (session: TerminalSession): Promise<void> => {
	await session.waitFor((terminal) => terminal.text().includes('❯ About') && terminal.text().includes('q quit'), {what: 'the first frame'});
};

/** SGR parameters that set a colour: 30–38, 40–48, 90–97, 100–107 (39/49 only reset one). */
function colourCodes(output: string): string[] {
	const found: string[] = [];
	for (const match of output.matchAll(/\u001B\[([\d;]*)m/g)) {
		const parameters = (match[1] ?? '').split(';').map(Number);
		if (parameters.some((value) => (value >= 30 && value <= 38) || (value >= 40 && value <= 48) || (value >= 90 && value <= 107))) {
			found.push(match[0]);
		}
	}

	return found;
}

describe('the full-screen résumé over ssh -tt', () => {
	it('draws the first frame, moves, expands a project, re-lays out on resize and quits with the terminal restored', async () => {
		const session = sshInTerminal({cols: 100, rows: 30});
		await firstFrame(session);
		expect(session.isAlternateScreen()).toBe(true);
		expect(session.screen()[4]).toBe('─'.repeat(100));

		session.press('j', 'j', 'j');
		await session.waitFor((terminal) => terminal.text().includes('❯ Projects'), {what: 'the Projects section'});
		session.press('enter');
		await session.waitFor((terminal) => terminal.text().includes('› ▸ Utilization metric collector'), {what: 'the first project focused'});
		session.press('enter');
		await session.waitFor((terminal) => terminal.text().includes('› ▾ Utilization metric collector') && terminal.text().includes('• Collect CPU, Memory'), {
			what: 'the project expanded',
		});

		session.resize(60, 20);
		await session.waitFor((terminal) => terminal.screen()[4] === '─'.repeat(60) && terminal.text().includes('▾ Utilization metric collector'), {
			what: 'the frame laid out again for 60×20',
		});
		expect(session.screen().every((line) => line.length <= 60)).toBe(true);

		session.press('q');
		expect(await sshExit(session)).toBe(0);
		expect(session.isAlternateScreen()).toBe(false);
		expect(session.isCursorVisible()).toBe(true);
		const line = await served.waitForLog((entry) => entry.includes('end=quit'), 'the log line of the visit');
		expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 127\.0\.0\.1:\d+ user="visitor" duration=\d+\.\ds in=\d+B out=\d+B end=quit$/);
	});

	it('unmounts a quiet visitor\'s app and carries on from the same screen and state at the next key', async () => {
		const quiet = await startServe(['--unmount-after', '0.1']);
		const session = sshInTerminal({cols: 100, rows: 30, port: quiet.port});
		await firstFrame(session);
		session.press('j', 'j', 'j', 'enter', 'enter');
		await session.waitFor((terminal) => terminal.text().includes('› ▾ Utilization metric collector'), {what: 'the first project expanded'});
		const shown = session.screen();
		const written = session.output().length;
		// What is under test is time passing without a key: ten times --unmount-after.
		await new Promise((resolve) => {
			setTimeout(resolve, 1000);
		});
		expect(session.output().length).toBe(written);
		// Ink mounted again draws the frame on screen: nothing is repainted before the key's rows.
		session.press('j');
		await session.waitFor((terminal) => terminal.text().includes('› ▸ Performance evaluation'), {what: 'the next project focused'});
		const repainted = session.output().slice(written);
		expect(repainted).not.toContain('\u001B[2J');
		expect(session.screen().filter((line, row) => line !== shown[row]).length).toBeLessThan(shown.length / 2);

		// A resize while unmounted is drawn by the pure view, with the state: still expanded, still focused.
		await new Promise((resolve) => {
			setTimeout(resolve, 1000);
		});
		session.resize(70, 24);
		await session.waitFor((terminal) => terminal.screen()[4] === '─'.repeat(70) && terminal.text().includes('› ▸ Performance evaluation'), {what: 'the frame laid out again for 70×24'});
		const beforeKey = session.output().length;
		session.press('k');
		await session.waitFor((terminal) => terminal.text().includes('› ▾ Utilization metric collector') && terminal.text().includes('• Collect CPU, Memory'), {
			what: 'the expanded project focused again',
		});
		expect(session.output().slice(beforeKey)).not.toContain('\u001B[2J');
		session.press('q');
		expect(await sshExit(session)).toBe(0);
		expect(session.isAlternateScreen()).toBe(false);
		await quiet.stop();
	});

	it('honours NO_COLOR in its own session only, while a parallel session keeps its colour', async () => {
		const plain = sshInTerminal({extra: ['-o', 'SetEnv=NO_COLOR=1']});
		const coloured = sshInTerminal();
		await Promise.all([firstFrame(plain), firstFrame(coloured)]);
		plain.press('j');
		coloured.press('j');
		await Promise.all([plain, coloured].map(async (session) => session.waitFor((terminal) => terminal.text().includes('❯ Experience'), {what: 'a second frame'})));
		expect(colourCodes(plain.output())).toEqual([]);
		expect(plain.output()).not.toContain('\u001B]8;;');
		expect(colourCodes(coloured.output()).length).toBeGreaterThan(0);
		plain.press('q');
		coloured.press('q');
		expect(await sshExit(plain)).toBe(0);
		expect(await sshExit(coloured)).toBe(0);
	});

	it('hands a link to the visitor\'s terminal (OSC 8 and an OSC 52 copy) and never opens it', async () => {
		const session = sshInTerminal();
		await firstFrame(session);
		session.press('G');
		await session.waitFor((terminal) => terminal.text().includes('❯ Contact'), {what: 'the Contact section'});
		session.press('enter');
		await session.waitFor((terminal) => terminal.text().includes('› Email'), {what: 'the first contact focused'});
		session.press('enter');
		await session.waitFor((terminal) => terminal.text().includes('Link: mailto:kumaran.4353@gmail.com (copied)'), {what: 'the footer message'});
		expect(session.output()).toContain(`\u001B]52;c;${Buffer.from('mailto:kumaran.4353@gmail.com').toString('base64')}\u0007`);
		expect(session.output()).toContain('\u001B]8;;mailto:kumaran.4353@gmail.com');
		session.press('q');
		expect(await sshExit(session)).toBe(0);
	});

	it('prints the text résumé to TERM=dumb, with carriage returns, and exits 0', async () => {
		const session = sshInTerminal({cols: 70, env: {TERM: 'dumb'}});
		expect(await sshExit(session)).toBe(0);
		const expected = printResume(resume, {format: 'text', width: 70}).trimEnd().split('\n');
		expect(printedLines(session).slice(-expected.length)).toEqual(expected);
		expect(session.output()).not.toContain('\u001B[?1049h');
		expect(session.output()).toContain('ABOUT\r\n');
	});

	it('prints a section at the pty width for ssh -t <section>', async () => {
		const session = sshInTerminal({cols: 50, command: ['projects']});
		expect(await sshExit(session)).toBe(0);
		const expected = printResume(resume, {format: 'text', width: 50, section: 'projects'}).trimEnd().split('\n');
		expect(printedLines(session).slice(-expected.length)).toEqual(expected);
		expect(session.output()).toContain('PROJECTS\r\n--------\r\n');
	});
});

describe('for a screen reader over ssh', () => {
	const header = [
		'Balakumaran Kannan, System Programmer',
		'Bangalore',
		'kumaran.4353@gmail.com, +91 7406479544, https://github.com/0xba1a, https://www.eastrivervillage.com',
		'8 sections. j and k move, Enter opens, h goes back, / searches, ? lists every key, q quits.',
	];
	const transcript = (session: TerminalSession): string => printedLines(session).join('\n').trimEnd();

	it.each([
		{name: 'SetEnv INK_SCREEN_READER=true', extra: ['-o', 'SetEnv=INK_SCREEN_READER=true'], command: []},
		{name: 'the exec word screen-reader', extra: [], command: ['screen-reader']},
	])('writes lines and announces every move, switched on by $name', async ({extra, command}) => {
		const session = sshInTerminal({cols: 120, extra, command});
		const expect_ = async (lines: string[], what: string): Promise<void> => {
			await session.waitFor(() => transcript(session) === lines.join('\n'), {what}).catch(() => undefined);
			expect(transcript(session), what).toBe(lines.join('\n'));
		};

		await expect_([...header, 'About, 1 of 8'], 'the first lines');
		session.press('j');
		await expect_([...header, 'Experience, 2 of 8'], 'the section list moved');
		expect(session.isAlternateScreen()).toBe(false);
		expect(session.output()).not.toMatch(/[─│❯▸▾›•]|\u001B\[\?1049h|\u001B\]11;\?/);
		session.press('q');
		expect(await sshExit(session)).toBe(0);
	});

	it('prints the plain text for the word screen-reader without a terminal', async () => {
		expect(await ssh(served.port, [], ['screen-reader'])).toEqual({status: 0, stdout: printResume(resume, {format: 'text', width: 80}), stderr: ''});
	});
});

describe('printed outputs, without a terminal', () => {
	it('prints the text résumé at 80 columns for a shell without a pty, and exits 0', async () => {
		const result = await ssh(served.port, ['-T']);
		expect(result).toEqual({status: 0, stdout: printResume(resume, {format: 'text', width: 80}), stderr: ''});
	});

	const words = [...buildSections(resume).map((section) => section.id), 'text', 'markdown', 'json', 'html'];
	it.each(words)('prints `%s` and exits 0', async (word) => {
		const isFormat = ['text', 'markdown', 'json', 'html'].includes(word);
		const expected = printResume(resume, {
			format: isFormat ? (word as 'text' | 'markdown' | 'json' | 'html') : 'text',
			width: 80,
			section: isFormat ? undefined : (word as SectionId),
		});
		expect(await ssh(served.port, [], [word])).toEqual({status: 0, stdout: expected, stderr: ''});
	});

	it.each([['rm -rf /'], ['projects text'], ['sh'], ['Projects'], ['../../etc/passwd']])('refuses the command %j with exit status 1', async (command) => {
		expect(await ssh(served.port, [], [command])).toEqual({
			status: 1,
			stdout: '',
			stderr: `unknown command; try: ${[...words, 'screen-reader'].join(', ')}\n`,
		});
	});
});
