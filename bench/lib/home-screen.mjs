// The real home screen, captured from the CLI in a pseudo-terminal, and plain scripts that only
// print it: the baselines the start-up benchmarks compare the TUI against.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {cleanEnv, spawnInTerminal} from './terminal.mjs';

export const size = {cols: 100, rows: 30};

/** Everything the CLI writes up to the end of its first frame (alternate screen, clear, paint). */
export async function captureHomeScreen(cliPath) {
	const session = spawnInTerminal(process.execPath, [cliPath], {...size, env: cleanEnv()});
	try {
		const frame = await session.frameAfter(0, {what: 'the first frame'});
		const screen = await session.screen();
		if (!screen[0]?.includes('Balakumaran Kannan')) {
			throw new Error(`unexpected first frame:\n${screen.join('\n')}`);
		}

		// Without the terminal queries (background colour, DA1): the baselines only print.
		const bytes = session.output().slice(0, frame.offset).replaceAll(/\u001B\]11;\?(?:\u0007|\u001B\\)|\u001B\[c/g, '');
		return {bytes, screen};
	} finally {
		await session.kill();
	}
}

/**
 * Writes two scripts into a fresh temporary folder: `print.mjs` prints the home screen with
 * console.log and exits; `print-and-wait.mjs` prints it and stays until a key is pressed.
 */
export function writeHomeScreenScripts(bytes) {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'balakumaran-bench-'));
	const literal = JSON.stringify(bytes);
	writeFileSync(path.join(folder, 'print.mjs'), `console.log(${literal});\n`);
	writeFileSync(
		path.join(folder, 'print-and-wait.mjs'),
		`console.log(${literal});\nprocess.stdin.setRawMode(true);\nprocess.stdin.once('data', () => process.exit(0));\n`,
	);
	return {
		folder,
		print: path.join(folder, 'print.mjs'),
		printAndWait: path.join(folder, 'print-and-wait.mjs'),
		remove: () => rmSync(folder, {recursive: true, force: true}),
	};
}

/**
 * CPU time (user + system, all threads) a process has used so far, in ms, from /proc (Linux; 10 ms
 * ticks). Unlike wall time it barely moves when other work shares the machine.
 */
export async function cpuMilliseconds(pid) {
	const {readFile} = await import('node:fs/promises');
	const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
	// Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** VmRSS of a process in MB, from /proc (Linux). */
export async function residentMegabytes(pid) {
	const {readFile} = await import('node:fs/promises');
	const status = await readFile(`/proc/${pid}/status`, 'utf8');
	const kilobytes = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
	return kilobytes / 1024;
}

/**
 * Presses ↓ right after the first frame and resolves with the milliseconds until a frame shows the
 * menu on Experience: how long a key typed at once waits for the Ink app to take over the screen.
 */
export async function firstKeyAfterFirstFrame(session) {
	const from = session.output().length;
	const at = session.write('\u001B[B');
	await session.waitFor(
		// eslint-disable-next-line no-control-regex
		() => session.output().slice(from).replaceAll(/\u001B\[[\d;?]*[A-Za-z]/g, '').includes('❯ Experience'),
		{what: 'the menu on Experience'},
	);
	return session.now() - at;
}
