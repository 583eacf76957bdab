// The app of one SSH session: the shared first frame painted at once, the Ink app mounted only
// at the first key. A visitor who only looks costs no React tree; one who presses a key gets the
// app, which carries on from exactly the frame they see.
import ansiEscapes from 'ansi-escapes';
import type {Resume} from '../data/schema.js';
import {runTui, type TerminalPort, type TuiSession} from '../host/run-tui.js';
import {osc52} from '../terminal/links.js';
import {Screen} from '../terminal/screen.js';
import {Transcript} from '../terminal/transcript.js';
import {ChannelInput} from '../terminal/channel-input.js';
import type {FirstFrames} from './first-frames.js';
import type {KeyBudget} from './limits.js';
import type {Style} from '../view/theme.js';
import type {Size} from '../terminal/port.js';

export type SessionAppOptions = {
	readonly resume: Resume;
	/** How to draw; `isScreenReader` in it writes lines for a screen reader (any host can ask). */
	readonly style: Style;
	readonly firstFrames: FirstFrames;
	readonly keyBudget: KeyBudget;
	readonly write: (data: string) => void;
	readonly size: () => Size;
	/** Calls the listener on every resize; returns the unsubscribe function. */
	readonly onResize: (listener: () => void) => () => void;
	/** The visitor quit (q, Ctrl-C). */
	readonly onQuit: () => void;
};

export type SessionApp = {
	/** Keys from the channel; returns how many the key budget dropped. */
	readonly push: (data: Buffer) => number;
	/** Leaves the full screen, and stops the app if it was mounted. */
	readonly stop: () => void;
};

export function startSessionApp(options: SessionAppOptions): SessionApp {
	const {style, write} = options;
	const input = new ChannelInput(options.keyBudget);
	const screen = style.isScreenReader ? new Transcript(write, options.size) : new Screen(write, options.size);
	const port: TerminalPort = {stdin: input.asReadStream(), write, size: options.size, onResize: options.onResize};
	let tui: TuiSession | undefined;
	let hasStopped = false;

	const paintFirstFrame = (): void => {
		screen.invalidate();
		screen.paint(options.firstFrames(options.size(), style));
	};

	screen.enter();
	screen.paint(options.firstFrames(options.size(), style));
	const stopRepainting = options.onResize(paintFirstFrame);

	const mount = (): void => {
		if (tui || hasStopped) {
			return;
		}

		stopRepainting();
		tui = runTui(port, {
			resume: options.resume,
			style,
			screen,
			onOpenLink(url) {
				// The server never opens anything: the visitor's terminal gets the link and a copy of it (OSC 52).
				write(osc52(url));
				return `Link: ${style.hasHyperlinks ? ansiEscapes.link(url, url) : url} (copied)`;
			},
		});
		void tui.done.then(options.onQuit);
	};

	return {
		push(data) {
			mount();
			return input.push(data);
		},
		stop() {
			if (hasStopped) {
				return;
			}

			hasStopped = true;
			if (tui) {
				tui.stop();
			} else {
				stopRepainting();
				screen.leave();
			}
		},
	};
}
