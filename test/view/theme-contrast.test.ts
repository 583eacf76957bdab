// The high-contrast theme meets WCAG AA (4.5:1) for every tone, on a black and on a white
// background, measured from the colours it actually emits: each tone's SGR codes are parsed, at
// truecolor as RGB and at 256 colours through the xterm palette.
import {describe, expect, it} from 'vitest';
import {createTheme, type Tone} from '../../source/view/theme.js';

type Rgb = readonly [number, number, number];

const tones: readonly Tone[] = ['heading', 'accent', 'muted', 'link', 'warning', 'text', 'key', 'selected', 'match'];
const black: Rgb = [0, 0, 0];
const white: Rgb = [255, 255, 255];

/** The xterm palette from 16 up: the 6×6×6 cube and the grey ramp (0–15 are each terminal's own). */
function xterm256(index: number): Rgb {
	if (index >= 232) {
		const grey = 8 + 10 * (index - 232);
		return [grey, grey, grey];
	}

	const levels = [0, 95, 135, 175, 215, 255];
	const cube = index - 16;
	return [levels[Math.floor(cube / 36)] ?? 0, levels[Math.floor(cube / 6) % 6] ?? 0, levels[cube % 6] ?? 0];
}

/** The foreground and background an SGR-styled string sets, if any. */
function colorsOf(styled: string): {fg?: Rgb; bg?: Rgb} {
	const colors: {fg?: Rgb; bg?: Rgb} = {};
	for (const [, params = ''] of styled.matchAll(/\u001B\[([\d;]*)m/g)) {
		const codes = params.split(';').map(Number);
		for (let index = 0; index < codes.length; index++) {
			const code = codes[index];
			if (code !== 38 && code !== 48) {
				// 16-colour codes cannot be measured: each terminal picks those colours.
				expect((code ?? 0) >= 30 && (code ?? 0) <= 107 && code !== 39 && code !== 49, `a 16-colour code in ${JSON.stringify(styled)}`).toBe(false);
				continue;
			}

			const layer = code === 38 ? 'fg' : 'bg';
			if (codes[index + 1] === 2) {
				colors[layer] = [codes[index + 2] ?? 0, codes[index + 3] ?? 0, codes[index + 4] ?? 0];
				index += 4;
			} else {
				const paletteIndex = codes[index + 2] ?? 0;
				expect(paletteIndex, 'a palette colour every terminal draws alike').toBeGreaterThanOrEqual(16);
				colors[layer] = xterm256(paletteIndex);
				index += 2;
			}
		}
	}

	return colors;
}

const channel = (value: number): number => {
	const c = value / 255;
	return c <= 0.040_45 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

const luminance = ([r, g, b]: Rgb): number => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);

/** WCAG 2 contrast ratio. */
function contrast(a: Rgb, b: Rgb): number {
	const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (lighter + 0.05) / (darker + 0.05);
}

describe('the high-contrast theme', () => {
	it.each([
		{level: 3 as const, name: 'truecolor'},
		{level: 2 as const, name: '256 colours'},
	])('meets 4.5:1 for every tone on black and on white at $name', ({level}) => {
		const theme = createTheme('high-contrast', level);
		const measured: string[] = [];
		for (const tone of tones) {
			const {fg, bg} = colorsOf(theme[tone]('x'));
			if (tone === 'text') {
				// The terminal's own colours: the theme emits none.
				expect(fg ?? bg).toBeUndefined();
				continue;
			}

			expect(fg, `${tone} sets its colour`).toBeDefined();
			if (!fg) {
				continue;
			}

			if (bg) {
				// A background of its own: the terminal's does not touch the text.
				expect(contrast(fg, bg), `${tone} on its background`).toBeGreaterThanOrEqual(4.5);
			} else {
				expect(contrast(fg, black), `${tone} on black`).toBeGreaterThanOrEqual(4.5);
				expect(contrast(fg, white), `${tone} on white`).toBeGreaterThanOrEqual(4.5);
			}

			measured.push(tone);
		}

		expect(measured).toEqual(['heading', 'accent', 'muted', 'link', 'warning', 'key', 'selected', 'match']);
	});

	it('uses no colour at 16 colours, whose colours each terminal picks: bold, underline and inverse only', () => {
		const theme = createTheme('high-contrast', 1);
		for (const tone of tones) {
			expect(colorsOf(theme[tone]('x')), tone).toEqual({});
		}

		expect(theme.heading('x')).toBe('\u001B[1mx\u001B[22m');
		expect(theme.selected('x')).toBe('\u001B[1m\u001B[7mx\u001B[27m\u001B[22m');
	});

	it('measures as WCAG does: 21:1 for black on white, and pure blue fails on black (2.4:1)', () => {
		expect(contrast(black, white)).toBe(21);
		expect(contrast(colorsOf(createTheme('high-contrast', 3).muted('x')).fg ?? black, white)).toBeCloseTo(4.54, 2);
		expect(contrast([0, 0, 255], black)).toBeCloseTo(2.44, 2);
	});
});
