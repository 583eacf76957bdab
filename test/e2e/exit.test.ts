// However the app ends, the terminal is handed back as it was found: normal screen, cursor
// shown, line editing and echo on; and the exit code says how it ended.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {childPids, expectScreen, renderedGrid, shellReport, startShell, type TerminalSession} from './harness.js';

const size = {columns: 80, rows: 24};
const preload = fileURLToPath(new URL('fixtures/throw-after-first-frame.mjs', import.meta.url));
const report = 'echo "exit=$?"; stty -a';

type Ending = {
	readonly name: string;
	/** The app's command line in sh. */
	readonly command: string;
	readonly end: (session: TerminalSession) => void;
	readonly exitCode: number;
	/** The ending may come before the first screen can be seen. */
	readonly isFirstScreenRacy?: boolean;
};

/** Sends a signal to the app itself (sh is its parent, and must live on to run stty). */
function signalApp(session: TerminalSession, signal: NodeJS.Signals): void {
	const [app] = childPids(session.pid);
	if (app === undefined) {
		throw new Error('the app is not running under sh');
	}

	process.kill(app, signal);
}

const endings: Ending[] = [
	{name: 'q', command: '"$NODE" "$CLI"', end: (session) => session.press('q'), exitCode: 0},
	{name: 'Ctrl-C', command: '"$NODE" "$CLI"', end: (session) => session.press('ctrl-c'), exitCode: 0},
	{name: 'SIGINT', command: '"$NODE" "$CLI"', end: (session) => signalApp(session, 'SIGINT'), exitCode: 130},
	{name: 'SIGTERM', command: '"$NODE" "$CLI"', end: (session) => signalApp(session, 'SIGTERM'), exitCode: 143},
	{name: 'SIGHUP', command: '"$NODE" "$CLI"', end: (session) => signalApp(session, 'SIGHUP'), exitCode: 129},
	// Right after the first frame, while the bin is still loading the Ink app: the screen may be gone before it is seen.
	{name: 'an uncaught error while the app loads', command: `"$NODE" --import "$PRELOAD" "$CLI"`, end: () => {}, exitCode: 1, isFirstScreenRacy: true},
	{
		name: 'an uncaught error in the running app',
		command: `THROW_AFTER_TEXT='❯ Experience' "$NODE" --import "$PRELOAD" "$CLI"`,
		end: (session) => session.press('j'),
		exitCode: 1,
	},
	{name: 'q, with stdin a pipe (keys from /dev/tty)', command: 'echo x | "$NODE" "$CLI"', end: (session) => session.press('q'), exitCode: 0},
];

describe.concurrent('ending the app', () => {
	it.for(endings)('after $name the terminal is restored and the exit code is right', async ({command, end, exitCode, isFirstScreenRacy}, test) => {
		const session = startShell(test, `${command}; ${report}`, {size, env: {PRELOAD: preload}});
		if (!isFirstScreenRacy) {
			await expectScreen(session, await renderedGrid(size), 'the first screen');
		}

		end(session);
		await session.exit;

		const {exitCode: code, sttyFlags} = shellReport(session);
		expect(code, session.output().slice(-400)).toBe(exitCode);
		expect(session.isAlternateScreen(), 'back on the normal screen').toBe(false);
		expect(session.isCursorVisible(), 'cursor shown').toBe(true);
		expect(sttyFlags).toContain('icanon');
		expect(sttyFlags).toContain('echo');
		expect(session.scrolledLines().alternate, 'no frame scrolled the terminal').toBe(0);

		// What is left on the normal screen: the error line, if any, then the shell's report.
		const printed = session.bufferLines('normal').filter((line) => line.startsWith('balakumaran:') || /^\s+at /.test(line));
		expect(printed).toEqual(exitCode === 1 ? ['balakumaran: injected failure after the first frame'] : []);
	});
});
