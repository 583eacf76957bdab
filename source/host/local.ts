// The TUI on the local terminal, and the guarantee that it is handed back as it was found:
// on quit, Ctrl-C, SIGTERM/SIGHUP/SIGINT or an uncaught error.
import {inkReady} from './ink-ready.js';
import {warmUp} from './warm-up.js';
import type {TerminalPort} from '../terminal/port.js';
import {leaveFullScreen, mouseOff} from '../terminal/screen.js';
import {runTui, type TuiOptions, type TuiSession} from './run-tui.js';

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
	// The terminal is handed back from the first moment: while Ink loads and warms up too.
	let session: TuiSession | undefined;
	const restore = (): void => {
		if (session) {
			session.stop();
		} else {
			options.screen?.leave();
		}

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
	// A screen painted before (the bin's home screen) is drawn again in full if the terminal was
	// resized meanwhile: what the terminal did with it then is unknown.
	let isResized = false;
	const stopWatching = port.onResize(() => {
		isResized = true;
	});
	await inkReady;
	await warmUp(options.resume, options.style, port.size());
	stopWatching();
	if (isResized) {
		options.screen?.invalidate();
	}

	session = runTui(port, {...options, onOpenLink: openLink});
	await session.done;
	restore();
	process.exit(0);
}
