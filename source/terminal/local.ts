// The local terminal as a TerminalPort, and the guarantee that it is handed back as it was found:
// on quit, Ctrl-C, SIGTERM/SIGHUP/SIGINT or an uncaught error.
import {openSync} from 'node:fs';
import {ReadStream} from 'node:tty';
import type {Size} from '../screen-plan.js';
import type {ThemeName} from '../theme.js';
import {probeBackground} from './background.js';
import {leaveFullScreen, mouseOff} from './screen.js';
import {runTui, type TerminalPort, type TuiOptions} from './run-tui.js';

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

/** The theme that suits the terminal's background, or undefined when it does not say. */
export async function detectTheme(port: TerminalPort): Promise<ThemeName | undefined> {
	return probeBackground(port.stdin, port.write);
}

/** Opens http, https, mailto and tel links with the `open` package; the URL stays visible. */
export function openLink(url: string): string {
	// Loaded on first use: opening a link is rare, starting up is not.
	import('open')
		.then(async ({default: open}) => open(url))
		.catch(() => {});
	return `Opening ${url}`;
}

/** Runs the TUI on this terminal and exits the process once it is restored. */
export async function runLocal(port: TerminalPort, options: Omit<TuiOptions, 'onOpenLink'>): Promise<never> {
	const session = runTui(port, {...options, onOpenLink: openLink});
	const restore = (): void => {
		session.stop();
		if (port.stdin.isTTY) {
			port.stdin.setRawMode(false);
		}
	};

	const signals = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;
	for (const [signal, code] of Object.entries(signals)) {
		process.once(signal, () => {
			restore();
			process.exit(code);
		});
	}

	const fail = (error: unknown): void => {
		restore();
		process.stdout.write(mouseOff + leaveFullScreen);
		process.stderr.write(`balakumaran: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	};

	process.once('uncaughtException', fail);
	process.once('unhandledRejection', fail);
	await session.done;
	restore();
	process.exit(0);
}
