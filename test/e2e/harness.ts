// The end-to-end harness: the built CLI in a real pseudo-terminal (pty-terminal.mjs), the grid a
// person would see, and the oracle it is held against: the same App rendered in-process by
// ink-testing-library at the same size.
import {expect, type TestContext} from 'vitest';
import {renderApp} from '../helpers/render-app.js';
import {cliPath, keyBytes, spawnTerminal, terminalEnv, type KeyName, type TerminalSession} from './pty-terminal.mjs';
import type {Size} from '../../source/terminal/port.js';

export {childPids, cliPath, keyBytes, killAll, projectRoot, spawnTerminal, terminalEnv} from './pty-terminal.mjs';
export type {Cell, KeyName, TerminalSession} from './pty-terminal.mjs';

/** The part of a vitest test context the harness needs, so concurrent tests clean up only their own. */
export type TestHooks = Pick<TestContext, 'onTestFinished'>;

export type AppOptions = {
	readonly size: Size;
	/** Added to (or, when undefined, removed from) the clean environment. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Arguments to node before dist/cli.cjs, e.g. ['--import', preload]. */
	readonly nodeArgs?: readonly string[];
	/** Arguments to the CLI, e.g. ['--resume', file]. */
	readonly args?: readonly string[];
};

/** Starts `node dist/cli.cjs` in a pty of the given size; it is killed when the test ends. */
export function startApp(test: TestHooks, {size, env = {}, nodeArgs = [], args = []}: AppOptions): TerminalSession {
	const session = spawnTerminal({
		args: [...nodeArgs, cliPath, ...args],
		cols: size.columns,
		rows: size.rows,
		env: terminalEnv(env),
	});
	test.onTestFinished(async () => {
		await session.kill();
	});
	return session;
}

/**
 * Runs a shell script in the pty, with $NODE and $CLI set (and $1… from `args`), so a test can
 * look at the terminal after the app has gone, e.g. `"$NODE" "$CLI"; echo "exit=$?"; stty -a`.
 */
export function startShell(test: TestHooks, script: string, {size, env = {}}: Omit<AppOptions, 'nodeArgs' | 'args'>): TerminalSession {
	const session = spawnTerminal({
		file: 'sh',
		args: ['-c', script],
		cols: size.columns,
		rows: size.rows,
		env: terminalEnv({NODE: process.execPath, CLI: cliPath, ...env}),
	});
	test.onTestFinished(async () => {
		await session.kill();
	});
	return session;
}

/** A frame as a grid of `rows` right-trimmed lines (more if the frame is too tall to fit). */
export function toGrid(frame: string, rows: number): string[] {
	const lines = frame === '' ? [] : frame.split('\n').map((line) => line.trimEnd());
	while (lines.length < rows) {
		lines.push('');
	}

	return lines;
}

/** What React renders for this size after these keys, each pressed on its own: the oracle. */
export async function renderedGrid(size: Size, keys: readonly KeyName[] = []): Promise<string[]> {
	const app = await renderApp({size});
	try {
		let frame = app.frame();
		for (const key of keys) {
			frame = await app.press(keyBytes(key));
		}

		return toGrid(frame, size.rows);
	} finally {
		app.unmount();
	}
}

const sameLines = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((line, index) => line === b[index]);

/**
 * Waits until the terminal shows exactly `expected` (no paint half done), then asserts it, so a
 * mismatch fails with a line-by-line diff rather than a timeout.
 */
export async function expectScreen(session: TerminalSession, expected: readonly string[], what: string, timeout = 10_000): Promise<void> {
	await session.waitFor((terminal) => !terminal.isPainting() && sameLines(terminal.screen(), expected), {timeout, what}).catch(() => undefined);
	expect(session.screen(), `${what}\n${session.describe()}`).toEqual(expected);
}

/** The styled screen: each row's runs of cells, for comparing colours and attributes. */
export function styledScreen(session: TerminalSession): string[] {
	return session.screen().map((_, row) =>
		session
			.cells(row)
			.map((cell) => {
				const flags = [cell.bold && 'b', cell.dim && 'd', cell.italic && 'i', cell.underline && 'u', cell.inverse && 'r'].filter(Boolean).join('');
				const color = (c: typeof cell.fg): string => (c.mode === 'default' ? '-' : c.mode === 'palette' ? String(c.index) : `#${c.rgb.toString(16)}`);
				return `${cell.char}[${color(cell.fg)}/${color(cell.bg)}${flags}]`;
			})
			.join(''),
	);
}

/** The app's exit code, echoed by the shell, and the terminal modes `stty -a` printed after it. */
export function shellReport(session: TerminalSession): {readonly exitCode: number | undefined; readonly sttyFlags: readonly string[]} {
	const text = session.output().replaceAll(/\u001B\[[\d;?]*[A-Za-z]/g, '');
	const tail = text.slice(text.lastIndexOf('exit='));
	const code = /^exit=(\d+)/.exec(tail)?.[1];
	return {exitCode: code === undefined ? undefined : Number(code), sttyFlags: tail.split(/\s+/)};
}
