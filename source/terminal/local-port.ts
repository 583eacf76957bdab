// The local terminal as a TerminalPort: keys from stdin (or /dev/tty), frames to stdout. Nothing
// here loads React or Ink, so the bin can paint its first frame through it.
import {openSync} from 'node:fs';
import {ReadStream} from 'node:tty';
import type {Size, TerminalPort} from './port.js';

/** Keys come from stdin, or from /dev/tty when stdin is a pipe (as less does). */
function openKeyboard(): NodeJS.ReadStream | undefined {
	if (process.stdin.isTTY) {
		return process.stdin;
	}

	try {
		return new ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
	} catch {
		return undefined;
	}
}

/** A size Ink can lay out: a 0×0 pty (e.g. under `script`) is read as 80×24. */
export function terminalSize(stream: {columns?: number; rows?: number}): Size {
	return {columns: stream.columns || 80, rows: stream.rows || 24};
}

export function localTerminal(): TerminalPort | undefined {
	const stdin = openKeyboard();
	if (!stdin) {
		return undefined;
	}

	return {
		stdin,
		write: (data) => process.stdout.write(data),
		size: () => terminalSize(process.stdout),
		onResize: (listener) => {
			process.stdout.on('resize', listener);
			return () => process.stdout.off('resize', listener);
		},
	};
}
