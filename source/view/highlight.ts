// Search matches drawn over laid-out lines, when a frame is drawn: the layouts stay the same while
// a search is typed, and only the lines in view are looked at.
import {styledCharsFromTokens, styledCharsToString, tokenize, type AnsiCode} from '@alcalzone/ansi-tokenize';
import type {Theme} from './theme.js';

const isLink = (code: AnsiCode): boolean => code.code.startsWith('\u001B]8;');
const matchStyles = new WeakMap<Theme, AnsiCode[]>();

/** The line with every match of `pattern` (a global RegExp) drawn in the theme's `match` tone, links kept. */
export function highlightLine(text: string, pattern: RegExp, theme: Theme): string {
	const chars = styledCharsFromTokens(tokenize(text));
	const plain = chars.map((char) => char.value).join('');
	let styles = matchStyles.get(theme);
	if (!styles) {
		styles = styledCharsFromTokens(tokenize(theme.match('x')))[0]?.styles ?? [];
		matchStyles.set(theme, styles);
	}

	// Offsets in `plain` are UTF-16 units; each char holds one or more of them.
	const starts: number[] = [];
	let offset = 0;
	for (const char of chars) {
		starts.push(offset);
		offset += char.value.length;
	}

	let found = false;
	pattern.lastIndex = 0;
	for (const match of plain.matchAll(pattern)) {
		const end = match.index + match[0].length;
		for (const [index, char] of chars.entries()) {
			const start = starts[index] ?? 0;
			if (start >= match.index && start < end) {
				char.styles = [...char.styles.filter((code) => isLink(code)), ...styles];
				found = true;
			}
		}
	}

	return found ? styledCharsToString(chars) : text;
}
