// The TUI on the local terminal, and the guarantee that it is handed back as it was found:
// on quit, Ctrl-C, SIGTERM/SIGHUP/SIGINT or an uncaught error.
import {inkReady} from './ink-ready.js';
import {warmUp} from './warm-up.js';
import type {TerminalPort} from './port.js';
import {leaveFullScreen, mouseOff} from './screen.js';
import {runTui, type TuiOptions} from './run-tui.js';

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
	await inkReady;
	await warmUp(options.resume, options.style, port.size());
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
