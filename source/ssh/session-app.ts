// The app of one SSH or web session: the shared first frame painted at once, the Ink app mounted
// only at the first key. A visitor who only looks costs no React tree; one who presses a key gets
// the app, which carries on from exactly the frame they see. A visitor who goes quiet gives the
// tree back: the app is unmounted, its last frame stays on the screen and its state in the
// session's store, and the next key mounts it again on both, with nothing to repaint.
import ansiEscapes from 'ansi-escapes';
import type {Resume} from '../data/schema.js';
import {runTui, type TerminalPort, type TuiSession} from '../host/run-tui.js';
import {initialUi} from '../model/controller.js';
import {initialNavState} from '../model/navigation.js';
import {createStore, type Store} from '../model/store.js';
import {osc52} from '../terminal/links.js';
import {Screen} from '../terminal/screen.js';
import {Transcript} from '../terminal/transcript.js';
import {ChannelInput} from '../terminal/channel-input.js';
import {inkFrame, type SharedViews} from './shared-views.js';
import type {KeyBudget} from './limits.js';
import type {Style} from '../view/theme.js';
import type {Size} from '../terminal/port.js';

export type SessionAppOptions = {
	readonly resume: Resume;
	/** How to draw; `isScreenReader` in it writes lines for a screen reader (any host can ask). */
	readonly style: Style;
	readonly views: SharedViews;
	readonly keyBudget: KeyBudget;
	/** How long after the last key the app is unmounted (a screen reader's never is). */
	readonly unmountAfterMs: number;
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
	const {resume, style, write} = options;
	// A screen reader's lines are a transcript, not a screen to keep: its app stays mounted.
	const isReleasable = !style.isScreenReader;
	const screen = style.isScreenReader ? new Transcript(write, options.size) : new Screen(write, options.size);
	/** The visitor's state from their first key on, kept while the app is unmounted. */
	let store: Store | undefined;
	let input: ChannelInput | undefined;
	let tui: TuiSession | undefined;
	let quiet: NodeJS.Timeout | undefined;
	let hasStopped = false;

	// Without the app, the pure view draws the state: the first frame (shared) until the first key.
	const paintWithoutApp = (): void => {
		screen.invalidate();
		if (store) {
			const view = options.views.view(options.size(), style);
			store.setEnv(view.env);
			screen.paint(inkFrame(view, store.getState()));
		} else {
			screen.paint(options.views.firstFrame(options.size(), style));
		}
	};

	screen.enter();
	screen.paint(options.views.firstFrame(options.size(), style));
	let stopRepainting = options.onResize(paintWithoutApp);

	const release = (): void => {
		if (!tui || hasStopped) {
			return;
		}

		tui.release();
		// The unmounted app's callbacks would keep its tree alive.
		store?.setEffectRunner(() => undefined);
		tui = undefined;
		input = undefined;
		stopRepainting = options.onResize(paintWithoutApp);
	};

	const mount = (): ChannelInput => {
		if (input) {
			return input;
		}

		stopRepainting();
		store ??= createStore(initialUi(initialNavState), options.views.view(options.size(), style).env, () => undefined);
		const keys = new ChannelInput(options.keyBudget);
		const port: TerminalPort = {stdin: keys.asReadStream(), write, size: options.size, onResize: options.onResize};
		const session = runTui(port, {
			resume,
			style,
			screen,
			store,
			viewFor: options.views.view,
			onOpenLink(url) {
				// The server never opens anything: the visitor's terminal gets the link and a copy of it (OSC 52).
				write(osc52(url));
				return `Link: ${style.hasHyperlinks ? ansiEscapes.link(url, url) : url} (copied)`;
			},
		});
		void session.done.then(options.onQuit);
		tui = session;
		input = keys;
		return keys;
	};

	return {
		push(data) {
			if (hasStopped) {
				return 0;
			}

			const keys = mount();
			if (isReleasable) {
				if (quiet) {
					quiet.refresh();
				} else {
					quiet = setTimeout(release, options.unmountAfterMs);
					quiet.unref();
				}
			}

			return keys.push(data);
		},
		stop() {
			if (hasStopped) {
				return;
			}

			hasStopped = true;
			clearTimeout(quiet);
			if (tui) {
				tui.stop();
			} else {
				stopRepainting();
				screen.leave();
			}
		},
	};
}
