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
