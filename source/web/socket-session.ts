// One WebSocket ↔ one terminal session (ssh/terminal-session.ts, the same core as an SSH shell):
// the first message must be a resize, then binary frames are keys and text frames resizes. It
// knows nothing of limits or timers: the server hands it a context, may end it, and is told
// when it has ended.
import type {WebSocket} from 'ws';
import type {Resume} from '../data/schema.js';
import type {SharedViews} from '../ssh/shared-views.js';
import type {KeyBudget} from '../ssh/limits.js';
import {clampSize} from '../ssh/terminal-env.js';
import {startTerminalSession, type TerminalSession} from '../ssh/terminal-session.js';
import type {Style, ThemeName} from '../view/theme.js';
import {closeCodes, closeReason, parseControl} from './protocol.js';
import type {Size} from '../terminal/port.js';

export type SocketSessionContext = {
	readonly resume: Resume;
	readonly views: SharedViews;
	readonly keyBudget: KeyBudget;
	/** How long after the visitor's last key their app is unmounted (the screen stays). */
	readonly unmountAfterMs: number;
	/** The style of a theme for a browser's terminal (24-bit colour, hyperlinks). */
	readonly styleFor: (theme: ThemeName) => Style;
	/** The page's prefers-color-scheme; undefined: the terminal is asked, as over SSH. */
	readonly theme?: ThemeName;
	/** The page asked for lines of words for a screen reader (xterm.js's screen-reader mode). */
	readonly isScreenReader?: boolean;
	/** When set, a limit was hit: the visitor hears this instead of the résumé. */
	readonly refusal?: string;
	/** The first resize arrived: the session has started. */
	readonly onStart: () => void;
	/** A key press or a resize: someone is still there. */
	readonly onActivity: () => void;
	/** Something turned down (for the log line). */
	readonly onRefused: (what: string) => void;
	/** The socket has closed; `reason` says why. */
	readonly onEnd: (reason: string) => void;
};

export type SocketSessionHandle = {
	/** Leaves the full screen, prints `message` on a line of its own, closes with `code`. */
	readonly end: (message: string, reason: string, code?: number) => void;
};

/** Output queued beyond what the browser has taken: past this it is not reading, and is let go. */
const maxUnsentOutput = 1024 * 1024;
const pingIntervalMs = 50_000;
/** How long a visitor told goodbye has to answer the close before the socket is cut. */
const goodbyeGraceMs = 2000;

export function startSocketSession(socket: WebSocket, context: SocketSessionContext): SocketSessionHandle {
	let size: Size | undefined;
	let terminal: TerminalSession | undefined;
	let endReason: string | undefined;
	let isEnding = false;

	// What the app writes in one turn of the loop (entering the screen, a frame in a few pieces)
	// goes out as one message: one frame to parse and one write to the socket, not several.
	let unsent = '';
	const flush = (): void => {
		const data = unsent;
		unsent = '';
		if (data === '' || socket.readyState !== socket.OPEN) {
			return;
		}

		if (socket.bufferedAmount > maxUnsentOutput) {
			endReason ??= 'not-reading';
			socket.terminate();
			return;
		}

		socket.send(Buffer.from(data, 'utf8'));
	};

	const write = (data: string): void => {
		if (unsent === '') {
			process.nextTick(flush);
		}

		unsent += data;
	};

	/** Ends with a last line on the terminal, then the close frame. */
	const finish = (code: number, reason: string, message?: string): void => {
		if (isEnding) {
			return;
		}

		isEnding = true;
		endReason ??= reason;
		terminal?.stop();
		if (message !== undefined) {
			write(`${message}\r\n`);
		}

		flush();
		socket.close(code, message === undefined ? reason : closeReason(message));
		// A goodbye not answered with a close frame soon is cut.
		setTimeout(() => {
			socket.terminate();
		}, goodbyeGraceMs).unref();
	};

	const start = (): void => {
		context.onStart();
		terminal = startTerminalSession({
			resume: context.resume,
			views: context.views,
			keyBudget: context.keyBudget,
			unmountAfterMs: context.unmountAfterMs,
			styleFor: context.styleFor,
			theme: context.theme,
			isScreenReader: context.isScreenReader,
			canProbe: true,
			write,
			size: () => size ?? clampSize(0, 0),
			onQuit() {
				finish(closeCodes.normal, 'quit');
			},
			onKeysDropped() {
				context.onRefused('keys-over-budget');
			},
		});
	};

	socket.on('error', () => {
		// ws reports a broken rule (an oversized or invalid frame) here and closes with its code.
		endReason ??= 'protocol';
	});
	// A ping a minute keeps a proxy from closing a quiet session (nginx waits 60 s by default),
	// and a page that has vanished without a word is let go at the next one.
	let hasAnswered = true;
	socket.on('pong', () => {
		hasAnswered = true;
	});
	const pinger = setInterval(() => {
		if (!hasAnswered) {
			endReason ??= 'no-pong';
			socket.terminate();
			return;
		}

		hasAnswered = false;
		socket.ping();
	}, pingIntervalMs);
	pinger.unref();
	socket.on('close', () => {
		clearInterval(pinger);
		terminal?.stop();
		context.onEnd(endReason ?? 'client-closed');
	});

	if (context.refusal !== undefined) {
		finish(closeCodes.tryAgainLater, 'refused', context.refusal);
		return {end() {}};
	}

	socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
		if (isEnding) {
			return;
		}

		const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
		if (isBinary) {
			if (!terminal) {
				finish(closeCodes.policy, 'protocol', 'The first message must be a resize.');
				return;
			}

			context.onActivity();
			terminal.input(bytes);
			return;
		}

		const resize = parseControl(bytes.toString('utf8'));
		if (!resize) {
			finish(closeCodes.policy, 'protocol', 'Unknown message: only {"type":"resize","cols":N,"rows":M} and binary keys.');
			return;
		}

		// The app is laid out at most 300×100, as over SSH: each key costs a render of the whole screen.
		size = clampSize(resize.cols, resize.rows);
		if (terminal) {
			context.onActivity();
			terminal.resized();
		} else {
			start();
		}
	});

	return {
		end(message, reason, code = closeCodes.goingAway) {
			finish(code, reason, message);
		},
	};
}
