// Semantic colour tokens. Components ask for `theme.heading(text)`, never for a colour; the
// no-colour and high-contrast themes are just more themes. Each theme owns its Chalk instance, so
// one process can draw colour for one terminal and none for another.
import {Chalk, type ChalkInstance} from 'chalk';

export const themeNames = ['dark', 'light', 'mono', 'high-contrast'] as const;
export type ThemeName = (typeof themeNames)[number];
export type Tone = 'heading' | 'accent' | 'muted' | 'link' | 'warning' | 'text' | 'key' | 'selected' | 'match';
export type Theme = Readonly<Record<Tone, (text: string) => string>> & {
	readonly name: ThemeName;
	readonly hasColor: boolean;
};

/** How a terminal is drawn for: the theme's colours, and whether it shows OSC 8 links. */
export type Style = {
	readonly theme: Theme;
	/** Whether the terminal understands OSC 8 hyperlinks; the URL is always visible as text. */
	readonly hasHyperlinks: boolean;
	/**
	 * Whether the reader listens through a screen reader: the view is then written as lines of
	 * words (no box drawing, no glyphs, every move announced) instead of drawn as a screen.
	 */
	readonly isScreenReader?: boolean;
};

const screenReaderStyles = new WeakMap<Style, Style>();

/**
 * The style for a screen reader: words only, so no colour and no links' escape codes. One per
 * style, so caches keyed by style still hit.
 */
export function withScreenReader(style: Style): Style {
	if (style.isScreenReader) {
		return style;
	}

	let spoken = screenReaderStyles.get(style);
	if (!spoken) {
		spoken = {theme: createTheme(style.theme.name, 0), hasHyperlinks: false, isScreenReader: true};
		screenReaderStyles.set(style, spoken);
	}

	return spoken;
}

type Palette = (chalk: ChalkInstance) => Record<Tone, (text: string) => string>;

const palettes: Record<ThemeName, Palette> = {
	dark: (c) => ({
		heading: c.bold.cyan,
		accent: c.yellow,
		muted: c.gray,
		link: c.blue.underline,
		warning: c.red,
		text: (text) => text,
		key: c.bold.magenta,
		selected: c.bold.inverse,
		match: c.black.bgYellow,
	}),
	light: (c) => ({
		heading: c.bold.blue,
		accent: c.magenta,
		muted: c.gray,
		link: c.blue.underline,
		warning: c.red,
		text: (text) => text,
		key: c.bold.blue,
		selected: c.bold.inverse,
		match: c.bgYellow,
	}),
	mono: (c) => ({
		heading: c.bold,
		accent: (text) => text,
		muted: (text) => text,
		link: c.underline,
		warning: c.bold,
		text: (text) => text,
		key: c.bold,
		selected: c.inverse,
		match: c.inverse,
	}),
	'high-contrast': highContrast,
};

/**
 * Every colour meets WCAG AA (4.5:1) on a black and on a white background alike, which leaves a
 * narrow band of luminance (0.175–0.183); the tones with a background of their own meet it
 * against that. With 256 colours the xterm palette's own entries in that band are used; with 16,
 * whose colours each terminal picks, none: bold, underline and inverse only.
 */
const highContrastColors: ReadonlyArray<readonly [Tone, string, number, ('bold' | 'underline')?]> = [
	['heading', '#106ff2', 63, 'bold'],
	['accent', '#b45f09', 29],
	['muted', '#767676', 243],
	['link', '#a848d8', 98, 'underline'],
	['warning', '#e12b2b', 131, 'bold'],
	['key', '#d21eb4', 163, 'bold'],
];

function highContrast(c: ChalkInstance): Record<Tone, (text: string) => string> {
	const tones = palettes.mono(c);
	if (c.level < 2) {
		return {...tones, selected: c.bold.inverse};
	}

	const isTrue = c.level === 3;
	for (const [tone, hex, index, attribute] of highContrastColors) {
		const base = attribute ? c[attribute] : c;
		tones[tone] = isTrue ? base.hex(hex) : base.ansi256(index);
	}

	return {
		...tones,
		selected: isTrue ? c.bold.hex('#ffffff').bgHex('#0b3d91') : c.bold.ansi256(231).bgAnsi256(18),
		match: isTrue ? c.hex('#000000').bgHex('#ffd700') : c.ansi256(16).bgAnsi256(220),
	};
}

/** A theme drawing with `colorLevel` (0 = no escape codes at all, 3 = truecolor). */
export function createTheme(name: ThemeName, colorLevel: 0 | 1 | 2 | 3): Theme {
	const chalk = new Chalk({level: colorLevel});
	return {...palettes[name](chalk), name, hasColor: colorLevel > 0};
}
