// What a session's terminal can do, from what the client told us (pty-req TERM and the env
// requests we accept): the same decisions the local CLI makes, but per session, never process-wide.
import type {Size} from '../screen-plan.js';
import {colorLevel, type ColorLevel} from '../terminal/color.js';

/** The only env requests a session accepts; everything else is refused. */
export function isAcceptedEnv(name: string): boolean {
	return ['TERM', 'LANG', 'NO_COLOR', 'COLORTERM'].includes(name) || /^LC_[A-Z_]{1,32}$/.test(name);
}

export type TerminalEnv = {
	readonly TERM?: string;
	readonly NO_COLOR?: string;
	readonly COLORTERM?: string;
};

/** The level the client's terminal supports, judged the way supports-color judges a local one. */
function detectedLevel(env: TerminalEnv): ColorLevel {
	const term = env.TERM ?? '';
	if (term === 'dumb') {
		return 0;
	}

	if (/^(truecolor|24bit)$/i.test(env.COLORTERM ?? '')) {
		return 3;
	}

	return term.endsWith('256color') ? 2 : 1;
}

export function sessionColorLevel(env: TerminalEnv): ColorLevel {
	return colorLevel({env: {NO_COLOR: env.NO_COLOR}, isColorFlagOff: false, detected: detectedLevel(env)});
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
