// How much colour to draw. Precedence: --no-color, then NO_COLOR (any non-empty value), then
// FORCE_COLOR, then what the terminal supports.
export type ColorLevel = 0 | 1 | 2 | 3;

export function colorLevel(options: {
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly isColorFlagOff: boolean;
	/** The level the output stream supports, when nothing above decides. */
	readonly detected: ColorLevel;
}): ColorLevel {
	const {env} = options;
	if (options.isColorFlagOff || (env['NO_COLOR'] ?? '') !== '') {
		return 0;
	}

	const force = env['FORCE_COLOR'];
	if (force !== undefined) {
		if (force === '0' || force === 'false') {
			return 0;
		}

		const level = Number.parseInt(force, 10);
		return Number.isNaN(level) ? 1 : (Math.max(1, Math.min(3, level)) as ColorLevel);
	}

	return options.detected;
}

/**
 * What a terminal supports, from TERM, COLORTERM and TERM_PROGRAM. Not chalk's detection: it
 * reports no colour whenever CI is set, and a résumé must look the same there.
 */
export function detectColorLevel(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): ColorLevel {
	const term = env['TERM'] ?? '';
	if (!isTTY || term === 'dumb') {
		return 0;
	}

	if (env['COLORTERM'] === 'truecolor' || env['COLORTERM'] === '24bit' || env['TERM_PROGRAM'] === 'iTerm.app' || term === 'xterm-kitty' || term === 'xterm-ghostty' || term === 'wezterm') {
		return 3;
	}

	if (/-256(?:colou?r)?$/i.test(term) || env['TERM_PROGRAM'] === 'Apple_Terminal') {
		return 2;
	}

	const isKnownColorTerm = /^(?:screen|xterm|vt[1-5]\d\d|rxvt|tmux|alacritty|foot|konsole|linux|cygwin)|color|ansi|kitty/i.test(term);
	return isKnownColorTerm || env['COLORTERM'] !== undefined ? 1 : 0;
}
