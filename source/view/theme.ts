// Semantic colour tokens. Components ask for `theme.heading(text)`, never for a colour; the
// no-colour theme is just another theme. Each theme owns its Chalk instance, so one process can
// draw colour for one terminal and none for another.
import {Chalk, type ChalkInstance} from 'chalk';

export const themeNames = ['dark', 'light', 'mono'] as const;
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
};

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
};

/** A theme drawing with `colorLevel` (0 = no escape codes at all, 3 = truecolor). */
export function createTheme(name: ThemeName, colorLevel: 0 | 1 | 2 | 3): Theme {
	const chalk = new Chalk({level: colorLevel});
	return {...palettes[name](chalk), name, hasColor: colorLevel > 0};
}
