// The Ink app on the local terminal, taking over the screen and the state the bin has drawn and
// driven until now, and handing the terminal back as it was found on the way out.
import type {Store} from '../model/store.js';
import {guardExit} from '../terminal/exit-guard.js';
import {openLink} from '../terminal/links.js';
import type {TerminalPort} from '../terminal/port.js';
import {runTui, type TuiOptions} from './run-tui.js';

/** Runs the TUI on this terminal from `store`'s state and exits the process once it is restored. */
export async function runLocal(port: TerminalPort, options: Omit<TuiOptions, 'onOpenLink'> & {readonly store: Store}): Promise<never> {
	const session = runTui(port, {...options, onOpenLink: openLink});
	const restore = (): void => {
		session.stop();
		if (port.stdin.isTTY) {
			port.stdin.setRawMode(false);
		}
	};

	guardExit(restore);
	await session.done;
	restore();
	process.exit(0);
}
