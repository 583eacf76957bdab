import {describe, expect, it} from 'vitest';
import {clampSize, isAcceptedEnv, isDumbTerminal, sessionColorLevel} from '../../source/ssh/terminal-env.js';

describe("a session's terminal", () => {
	it('gets the colour level its TERM, COLORTERM and NO_COLOR ask for', () => {
		expect(sessionColorLevel({TERM: 'xterm'})).toBe(1);
		expect(sessionColorLevel({TERM: 'xterm-256color'})).toBe(2);
		expect(sessionColorLevel({TERM: 'xterm-256color', COLORTERM: 'truecolor'})).toBe(3);
		expect(sessionColorLevel({TERM: 'xterm', COLORTERM: '24bit'})).toBe(3);
		expect(sessionColorLevel({TERM: 'xterm-256color', COLORTERM: 'truecolor', NO_COLOR: '1'})).toBe(0);
		expect(sessionColorLevel({TERM: 'dumb', COLORTERM: 'truecolor'})).toBe(0);
		// As locally (no-color.org): an empty NO_COLOR does not count.
		expect(sessionColorLevel({TERM: 'xterm-256color', NO_COLOR: ''})).toBe(2);
	});

	it('treats TERM=dumb as a printer', () => {
		expect(isDumbTerminal({TERM: 'dumb'})).toBe(true);
		expect(isDumbTerminal({TERM: 'xterm'})).toBe(false);
	});

	it('accepts only TERM, LANG, LC_*, NO_COLOR, COLORTERM and INK_SCREEN_READER from env requests', () => {
		for (const name of ['TERM', 'LANG', 'LC_ALL', 'LC_CTYPE', 'NO_COLOR', 'COLORTERM', 'INK_SCREEN_READER']) {
			expect(isAcceptedEnv(name), name).toBe(true);
		}

		for (const name of ['LD_PRELOAD', 'PATH', 'HOME', 'FORCE_COLOR', 'LC_', 'lc_all', 'LC_ALL;x', 'TERMINFO', 'NODE_OPTIONS', 'INK_SCREEN_READER_X']) {
			expect(isAcceptedEnv(name), name).toBe(false);
		}
	});

	it('reads a 0 dimension as unknown and caps huge windows', () => {
		expect(clampSize(0, 0)).toEqual({columns: 80, rows: 24});
		expect(clampSize(65_535, 65_535)).toEqual({columns: 300, rows: 100});
		expect(clampSize(120, 0)).toEqual({columns: 120, rows: 24});
		expect(clampSize(Number.NaN, 40)).toEqual({columns: 80, rows: 40});
		expect(clampSize(1, 1)).toEqual({columns: 1, rows: 1});
	});
});
