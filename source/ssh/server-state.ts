// What one server shares between its listeners (SSH and web) and every visitor: the limits'
// counters, each address's key budget, and what is made once (printed outputs, first frames,
// styles). A visitor's address counts the same whichever way they came.
import type {Resume} from '../data/schema.js';
import type {ColorLevel} from '../terminal/color.js';
import {createTheme, type Style, type ThemeName} from '../view/theme.js';
import {createSharedViews, type SharedViews} from './shared-views.js';
import {ConnectionLimiter, KeyBudget, type Limits} from './limits.js';
import {createPrinter, type Printer} from './printed.js';

export type ServerState = {
	readonly resume: Resume;
	readonly limits: Limits;
	readonly limiter: ConnectionLimiter;
	readonly printer: Printer;
	readonly views: SharedViews;
	/** One style per theme and colour level, so themes are made once per server. */
	readonly styleFor: (level: ColorLevel, theme: ThemeName) => Style;
	/** The key budget of `address`, shared by its connections until each releases it. */
	readonly acquireKeyBudget: (address: string) => KeyBudget;
	readonly releaseKeyBudget: (address: string) => void;
};

export function createServerState(resume: Resume, limits: Limits): ServerState {
	const styles = new Map<string, Style>();
	const keyBudgets = new Map<string, {readonly budget: KeyBudget; users: number}>();
	return {
		resume,
		limits,
		limiter: new ConnectionLimiter(limits),
		printer: createPrinter(resume),
		views: createSharedViews(resume),
		styleFor(level, theme) {
			const key = `${theme}|${level}`;
			let style = styles.get(key);
			if (!style) {
				style = {theme: createTheme(theme, level), hasHyperlinks: level > 0};
				styles.set(key, style);
			}

			return style;
		},
		acquireKeyBudget(address) {
			const entry = keyBudgets.get(address) ?? {budget: new KeyBudget(limits.keysPerSecond), users: 0};
			entry.users++;
			keyBudgets.set(address, entry);
			return entry.budget;
		},
		releaseKeyBudget(address) {
			const entry = keyBudgets.get(address);
			if (entry && --entry.users <= 0) {
				keyBudgets.delete(address);
			}
		},
	};
}
