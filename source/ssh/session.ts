// One SSH session channel ↔ one Ink app (session-app.ts), or one printed output. It knows nothing
// of sockets or limits: the server hands it a context, may end it politely, and is told when it
// has ended.
import type {ExecInfo, PseudoTtyInfo, ServerChannel, Session, SetEnvInfo, WindowChangeInfo} from 'ssh2';
import type {Resume} from '../data/schema.js';
import type {ColorLevel} from '../terminal/color.js';
import type {Style, ThemeName} from '../view/theme.js';
import type {SharedViews} from './shared-views.js';
import type {KeyBudget} from './limits.js';
import type {Printer} from './printed.js';
import {startTerminalSession, type TerminalSession} from './terminal-session.js';
import {appWords, clampSize, isAcceptedEnv, isDumbTerminal, isScreenReaderSession, sessionColorLevel, type TerminalEnv} from './terminal-env.js';
import type {Size} from '../terminal/port.js';

export type SessionContext = {
	readonly resume: Resume;
	readonly printer: Printer;
	/** Shared by every session of a colour level, so themes are made once per server. */
	readonly styleFor: (level: ColorLevel, theme: ThemeName) => Style;
	/** The app's first frame for a size and style, shared by every session. */
	readonly views: SharedViews;
	/** Keys this visitor's address may send (shared by its sessions). */
	readonly keyBudget: KeyBudget;
	/** How long after the visitor's last key their app is unmounted (the screen stays). */
	readonly unmountAfterMs: number;
	/** When set, a limit was hit: the visitor hears this instead of the résumé. */
	readonly refusal?: string;
	/** A request we turned down (for the connection's log line). */
	readonly onRefused: (what: string) => void;
	/** A key press or a resize: someone is still there. */
	readonly onActivity: () => void;
	/** The channel has closed; `reason` says why. */
	readonly onEnd: (reason: string) => void;
};

export type SessionHandle = {
	/**
	 * Leaves the full screen, prints `message` on a line of its own, closes the channel. False when
	 * there is no open channel to say it on.
	 */
	readonly end: (message: string, reason: string) => boolean;
};

const maxEnvRequests = 32;
const maxEnvValue = 256;
/** Output queued beyond the client's window: past this the client is not reading, and is let go. */
const maxUnsentOutput = 1024 * 1024;

const noop = (): void => {};

export function startSession(session: Session, context: SessionContext): SessionHandle {
	const env: {-readonly [Name in keyof TerminalEnv]: TerminalEnv[Name]} = {};
	let envRequests = 0;
	let size: Size | undefined;
	let channel: ServerChannel | undefined;
	/** The app on the visitor's terminal, once the shell has started. */
	let terminal: TerminalSession | undefined;
	let endReason: string | undefined;
	let isClosed = false;

	const write = (data: string): void => {
		if (!channel?.writable) {
			return;
		}

		if (channel.writableLength > maxUnsentOutput) {
			finish(1, 'not-reading');
			return;
		}

		channel.write(data);
	};

	// A pty is in raw mode on the client's side: printed lines need their carriage returns.
	const printed = (text: string): string => (size ? text.replace(/\r?\n/g, '\r\n') : text);

	/** Writes the last output, then the exit status, then closes: in that order on the wire. */
	function finish(code: number, reason: string, output: {readonly stdout?: string; readonly stderr?: string} = {}): void {
		if (endReason !== undefined) {
			return;
		}

		endReason = reason;
		terminal?.stop();
		const open = channel;
		if (!open?.writable) {
			return;
		}

		const flushes: Array<Promise<void>> = [];
		const flush = (stream: NodeJS.WritableStream, data: string | undefined): void => {
			if (data) {
				flushes.push(new Promise((resolve) => stream.write(printed(data), () => resolve())));
			}
		};

		flush(open, output.stdout);
		flush(open.stderr, output.stderr);
		void Promise.all(flushes).then(() => {
			open.exit(code);
			open.end();
		});
	}

	const onClose = (): void => {
		if (isClosed) {
			return;
		}

		isClosed = true;
		endReason ??= 'client-closed';
		terminal?.stop();
		context.onEnd(endReason);
	};

	const refuse = (what: string, reject: (() => void) | undefined): void => {
		reject?.();
		context.onRefused(what);
	};

	const isStarted = (): boolean => channel !== undefined || endReason !== undefined;

	const startChannel = (accept: () => ServerChannel): ServerChannel => {
		const opened = accept();
		channel = opened;
		opened.on('error', noop);
		opened.stderr.on('error', noop);
		opened.on('close', onClose);
		return opened;
	};

	const startApp = (opened: ServerChannel, isScreenReader: boolean): void => {
		const level = sessionColorLevel(env);
		const started = startTerminalSession({
			resume: context.resume,
			isScreenReader,
			views: context.views,
			keyBudget: context.keyBudget,
			unmountAfterMs: context.unmountAfterMs,
			styleFor: (theme) => context.styleFor(level, theme),
			canProbe: level > 0,
			write,
			size: () => size ?? clampSize(0, 0),
			onQuit() {
				finish(0, 'quit');
			},
			onKeysDropped() {
				context.onRefused('keys-over-budget');
			},
		});
		terminal = started;
		opened.on('data', (data: Buffer) => {
			context.onActivity();
			started.input(data);
		});
	};

	session.on('error', noop);
	session.on('close', onClose);

	session.on('pty', (accept, reject, info: PseudoTtyInfo) => {
		if (isStarted() || size) {
			reject?.();
			return;
		}

		size = clampSize(info.cols, info.rows);
		env.TERM = info.term;
		accept?.();
	});

	session.on('window-change', (accept, reject, info: WindowChangeInfo) => {
		if (!size) {
			reject?.();
			return;
		}

		size = clampSize(info.cols, info.rows);
		accept?.();
		context.onActivity();
		terminal?.resized();
	});

	session.on('env', (accept, reject, info: SetEnvInfo) => {
		const {key, val} = info;
		if (isStarted() || !isAcceptedEnv(key) || ++envRequests > maxEnvRequests || val.length > maxEnvValue) {
			refuse('env', reject);
			return;
		}

		if (key === 'TERM' || key === 'NO_COLOR' || key === 'COLORTERM' || key === 'INK_SCREEN_READER') {
			env[key] = val;
		}

		accept?.();
	});

	session.on('x11', (_accept, reject) => {
		refuse('x11', reject);
	});
	session.on('auth-agent', (_accept, reject) => {
		refuse('agent-forwarding', reject);
	});
	session.on('sftp', (_accept, reject) => {
		refuse('subsystem', reject);
	});
	session.on('subsystem', (_accept, reject) => {
		refuse('subsystem', reject);
	});

	session.on('shell', (accept, reject) => {
		if (isStarted()) {
			reject?.();
			return;
		}

		const opened = startChannel(accept);
		if (context.refusal !== undefined) {
			opened.resume();
			finish(1, 'refused', {stdout: `${context.refusal}\n`});
		} else if (!size || isDumbTerminal(env)) {
			opened.resume();
			finish(0, 'printed', {stdout: context.printer.print('text', size?.columns ?? 80)});
		} else {
			startApp(opened, isScreenReaderSession(env));
		}
	});

	session.on('exec', (accept, reject, info: ExecInfo) => {
		if (isStarted()) {
			reject?.();
			return;
		}

		const opened = startChannel(accept);
		const word = info.command.trim();
		// `ssh -t host screen-reader` opens the app for a screen reader; without a terminal
		// (no -t) the plain text is what reads best.
		if (context.refusal === undefined && size && !isDumbTerminal(env) && (appWords as readonly string[]).includes(word)) {
			startApp(opened, isScreenReaderSession(env, word));
			return;
		}

		opened.resume();
		if (context.refusal !== undefined) {
			finish(1, 'refused', {stderr: `${context.refusal}\n`});
			return;
		}

		const output = context.printer.print(appWords.includes(word as (typeof appWords)[number]) ? 'text' : word, size?.columns ?? 80);
		if (output === undefined) {
			finish(1, 'unknown-command', {stderr: `unknown command; try: ${[...context.printer.words, ...appWords].join(', ')}\n`});
		} else {
			finish(0, `exec:${word}`, {stdout: output});
		}
	});

	return {
		end(message, reason) {
			if (channel === undefined || isClosed) {
				return false;
			}

			// finish() leaves the full screen first, so the message lands on the visitor's own screen.
			finish(0, reason, {stdout: `${message}\n`});
			return true;
		},
	};
}
