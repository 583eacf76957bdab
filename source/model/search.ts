// Search over the document model: smart-case patterns and the matches they find, in reading order.
import type {Section} from '../document/model.js';

/** Case-insensitive unless the query has a capital letter (Vim's smartcase); undefined if empty. */
export function compileQuery(query: string): RegExp | undefined {
	if (query === '') {
		return undefined;
	}

	const isCaseSensitive = query !== query.toLowerCase();
	return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), isCaseSensitive ? 'gu' : 'giu');
}

export type Match = {
	readonly section: number;
	readonly entry: number;
	/** Set when the match is only in the entry's hidden details (a collapsed project's bullets). */
	readonly expand?: string;
};

const test = (pattern: RegExp, text: string): boolean => {
	pattern.lastIndex = 0;
	return pattern.test(text);
};

/** Every entry that matches, in reading order. */
export function findMatches(sections: readonly Section[], pattern: RegExp): Match[] {
	const matches: Match[] = [];
	sections.forEach((section, sectionIndex) => {
		section.entries.forEach((entry, entryIndex) => {
			const text = (paragraphs: typeof entry.paragraphs): string =>
				paragraphs.map((paragraph) => paragraph.spans.map((span) => span.text).join('')).join('\n');
			if (test(pattern, text(entry.paragraphs))) {
				matches.push({section: sectionIndex, entry: entryIndex});
			} else if (entry.details && test(pattern, text(entry.details))) {
				matches.push({section: sectionIndex, entry: entryIndex, expand: entry.key});
			}
		});
	});
	return matches;
}

const compare = (match: Match, section: number, entry: number): number => match.section - section || match.entry - entry;

/**
 * The match to go to from (section, entry): the next one after it (`at-or-after` includes it) or
 * the previous one, wrapping round at either end as Vim does.
 */
export function nextMatch(
	matches: readonly Match[],
	from: {readonly section: number; readonly entry: number},
	direction: 'next' | 'previous' | 'at-or-after',
): {readonly match: Match; readonly hasWrapped: boolean} | undefined {
	if (matches.length === 0) {
		return undefined;
	}

	if (direction === 'previous') {
		const before = matches.findLast((match) => compare(match, from.section, from.entry) < 0);
		return before ? {match: before, hasWrapped: false} : {match: matches.at(-1)!, hasWrapped: true};
	}

	const after = matches.find((match) => {
		const order = compare(match, from.section, from.entry);
		return direction === 'next' ? order > 0 : order >= 0;
	});
	return after ? {match: after, hasWrapped: false} : {match: matches[0]!, hasWrapped: true};
}

/** Count of matching entries per section, for the menu. */
export function matchCounts(matches: readonly Match[], sectionCount: number): number[] {
	const counts = Array.from({length: sectionCount}, () => 0);
	for (const match of matches) {
		counts[match.section] = (counts[match.section] ?? 0) + 1;
	}

	return counts;
}
