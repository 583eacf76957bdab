// One visitor's terminal ↔ one app, whatever carries the bytes (an SSH channel, a WebSocket): asks
// the terminal for its background unless the theme is known, starts the app (session-app.ts),
// feeds it the keys and re-lays it out on a resize, paid from the address's key budget.
import type {Resume} from '../data/schema.js';
import {backgroundQuery, hasProbeEnded, themeFromReply, withoutReplies} from '../terminal/background.js';
import type {Size} from '../terminal/port.js';
import {withScreenReader, type Style, type ThemeName} from '../view/theme.js';
import type {SharedViews} from './shared-views.js';
import type {KeyBudget} from './limits.js';
import {startSessionApp, type SessionApp} from './session-app.js';

/** How long a terminal that answers neither OSC 11 nor DA1 keeps its visitor waiting. */
const probeTimeoutMs = 150;

export type TerminalSessionOptions = {
	readonly resume: Resume;
	readonly views: SharedViews;
	/** Keys this visitor's address may send (shared by its sessions, SSH and web). */
	readonly keyBudget: KeyBudget;
	/** How long after the visitor's last key their app is unmounted (the screen stays). */
	readonly unmountAfterMs: number;
	/** The style of a theme at this terminal's colour level (shared per server). */
	readonly styleFor: (theme: ThemeName) => Style;
	/** The theme, when the terminal told it (a browser's prefers-color-scheme); else it is asked. */
	readonly theme?: ThemeName;
	/** Whether asking makes sense: a terminal without colour gets the dark theme unasked. */
	readonly canProbe: boolean;
	/** Lines of words for a screen reader: no colour, so nothing is asked. */
	readonly isScreenReader?: boolean;
	readonly write: (data: string) => void;
	readonly size: () => Size;
	/** The visitor quit (q, Ctrl-C). */
	readonly onQuit: () => void;
	/** Keys the budget dropped. */
	readonly onKeysDropped: () => void;
};

export type TerminalSession = {
	/** Bytes the terminal sent: keys, or its answers to the probe. */
	readonly input: (data: Buffer) => void;
	/** `size()` has changed: the app is laid out again. */
	readonly resized: () => void;
	/** Leaves the full screen, and stops the app if it was mounted. */
	readonly stop: () => void;
};

export function startTerminalSession(options: TerminalSessionOptions): TerminalSession {
	const resizeListeners = new Set<() => void>();
	let app: SessionApp | undefined;
	let probe: ((data: Buffer) => void) | undefined;
	let probeTimer: NodeJS.Timeout | undefined;
	let isStopped = false;
	let isResizePending = false;

	const push = (data: Buffer): void => {
		if (app && app.push(data) > 0) {
			options.onKeysDropped();
		}
	};

	const start = (theme: ThemeName, early: string): void => {
		if (isStopped) {
			return;
		}

		app = startSessionApp({
			resume: options.resume,
			style: options.isScreenReader ? withScreenReader(options.styleFor(theme)) : options.styleFor(theme),
			views: options.views,
			keyBudget: options.keyBudget,
			unmountAfterMs: options.unmountAfterMs,
			write: options.write,
			size: options.size,
			onResize(listener) {
				resizeListeners.add(listener);
				return () => resizeListeners.delete(listener);
			},
			onQuit: options.onQuit,
		});
		if (early !== '') {
			push(Buffer.from(early, 'utf8'));
		}
	};

	if (options.theme !== undefined || !options.canProbe || options.isScreenReader) {
		start(options.theme ?? 'dark', '');
	} else {
		// OSC 11, then DA1 as the end marker, as the local CLI asks; keys typed meanwhile are kept.
		let received = '';
		const settle = (): void => {
			clearTimeout(probeTimer);
			probe = undefined;
			start(themeFromReply(received) ?? 'dark', withoutReplies(received));
		};

		probeTimer = setTimeout(settle, probeTimeoutMs);
		probe = (data) => {
			received += data.toString('utf8');
			if (hasProbeEnded(received) || received.length > 4096) {
				settle();
			}
		};

		options.write(backgroundQuery);
	}

	return {
		input(data) {
			if (probe) {
				probe(data);
			} else {
				push(data);
			}
		},
		resized() {
			// A burst of resizes (a window dragged) is one re-layout, on the next turn of the loop. Each
			// costs a render, so it is paid from the key budget; over it, the last size is drawn a
			// second later instead.
			if (isResizePending) {
				return;
			}

			isResizePending = true;
			const relayout = (): void => {
				isResizePending = false;
				for (const listener of resizeListeners) {
					listener();
				}
			};

			if (options.keyBudget.take(1) === 1) {
				setImmediate(relayout);
			} else {
				setTimeout(relayout, 1000).unref();
			}
		},
		stop() {
			if (isStopped) {
				return;
			}

			isStopped = true;
			clearTimeout(probeTimer);
			probe = undefined;
			resizeListeners.clear();
			app?.stop();
		},
	};
}
