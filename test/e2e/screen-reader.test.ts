// The built CLI for a screen reader, in a real terminal: switched on by --screen-reader or by
// Ink's own INK_SCREEN_READER=true, it writes lines of words into the normal scrollback (no
// alternate screen, the cursor left visible) and announces every move.
import {describe, expect, it} from 'vitest';
import {startApp, type TerminalSession} from './harness.js';

const size = {columns: 80, rows: 24};

/** The terminal's text, wrapped rows joined, trailing blank rows dropped. */
function transcript(session: TerminalSession): string {
	return session.bufferLines('normal').join('\n').trimEnd();
}

const header = [
	'Balakumaran Kannan, System Programmer',
	'Bangalore',
	// 96 columns: the terminal wraps it, nothing cuts it.
	'kumaran.4353@gmail.com, +91 7406479544, https://github.com/0xba1a, https://www.e',
	'astrivervillage.com',
	'8 sections. j and k move, Enter opens, h goes back, / searches, ? lists every ke',
	'y, q quits.',
];

async function waitForText(session: TerminalSession, expected: string, what: string): Promise<void> {
	await session.waitFor(() => transcript(session) === expected, {what}).catch(() => undefined);
	expect(transcript(session), `${what}\n${session.describe()}`).toBe(expected);
}

describe.concurrent.each([
	{name: '--screen-reader', args: ['--screen-reader'], env: {}},
	{name: 'INK_SCREEN_READER=true', args: [], env: {INK_SCREEN_READER: 'true'}},
	{name: 'INK_SCREEN_READER=true with CI=true', args: [], env: {INK_SCREEN_READER: 'true', CI: 'true'}},
])('$name', ({args, env}) => {
	it('writes lines, announces "Experience, 2 of 8" after j, and leaves the shell a line of its own', async (test) => {
		const session = startApp(test, {size, args, env});
		await waitForText(session, [...header, 'About, 1 of 8'].join('\n'), 'the first lines');
		session.press('j');
		await waitForText(session, [...header, 'Experience, 2 of 8'].join('\n'), 'the section list moved, its line edited in place');
		session.press('l');
		const entered = [...header, 'Experience, 2 of 8', 'Experience, 4 items'];
		await session.waitFor(() => transcript(session).includes('Experience, 4 items\n'), {what: 'the section entered'});
		const lines = transcript(session).split('\n');
		expect(lines.slice(0, entered.length)).toEqual(entered);
		expect(lines[entered.length]).toMatch(/, 1 of 4$/);
		expect(session.isAlternateScreen()).toBe(false);
		expect(session.isCursorVisible()).toBe(true);
		expect(session.output()).not.toMatch(/[─│❯▸▾›•]/);
		session.press('q');
		const {exitCode} = await session.exit;
		expect(exitCode).toBe(0);
		expect(session.output().endsWith('\r\n')).toBe(true);
	});
});
