// What a session's terminal can do, from what the client told us (pty-req TERM and the env
// requests we accept): the same decisions the local CLI makes, but per session, never process-wide.
import {colorLevel, detectColorLevel, type ColorLevel} from '../terminal/color.js';
import type {Size} from '../terminal/port.js';

/** The only env requests a session accepts; everything else is refused. */
export function isAcceptedEnv(name: string): boolean {
	return ['TERM', 'LANG', 'NO_COLOR', 'COLORTERM', 'INK_SCREEN_READER'].includes(name) || /^LC_[A-Z_]{1,32}$/.test(name);
}

export type TerminalEnv = {
	readonly TERM?: string;
	readonly NO_COLOR?: string;
	readonly COLORTERM?: string;
	/** Ink's switch for a screen reader, sent with `SetEnv INK_SCREEN_READER=true`. */
	readonly INK_SCREEN_READER?: string;
};

/** The words `ssh -t host <word>` opens the app with instead of printing. */
export const appWords = ['screen-reader'] as const;

/** Whether the session asked for the screen-reader mode (by its environment, or `word`). */
export function isScreenReaderSession(env: TerminalEnv, word?: string): boolean {
	return env.INK_SCREEN_READER === 'true' || word === 'screen-reader';
}

export function sessionColorLevel(env: TerminalEnv): ColorLevel {
	// One rule for local terminals and sessions: the pty's TERM and COLORTERM decide.
	return colorLevel({env: {NO_COLOR: env.NO_COLOR}, isColorFlagOff: false, detected: detectColorLevel({TERM: env.TERM, COLORTERM: env.COLORTERM}, true)});
}

/** TERM=dumb gets the printed résumé, as it does locally. */
export function isDumbTerminal(env: TerminalEnv): boolean {
	return env.TERM === 'dumb';
}

export const maxColumns = 300;
export const maxRows = 100;

/** A size Ink can lay out from whatever the client claims: 0 means "unknown" (80×24), and a huge window is capped. */
export function clampSize(columns: number, rows: number): Size {
	const fit = (value: number, unknown: number, max: number): number =>
		Number.isFinite(value) && value >= 1 ? Math.min(Math.floor(value), max) : unknown;
	return {columns: fit(columns, 80, maxColumns), rows: fit(rows, 24, maxRows)};
}
