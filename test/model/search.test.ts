import {describe, expect, it} from 'vitest';
import type {Section} from '../../source/document/model.js';
import {compileQuery, findMatches, matchCounts, nextMatch} from '../../source/model/search.js';

const section = (id: 'about' | 'projects', texts: Array<[string, string?]>): Section => ({
	id,
	title: id,
	entries: texts.map(([text, detail], index) => ({
		key: `${id}-${index}`,
		paragraphs: [{spans: [{text}]}],
		...(detail ? {details: [{spans: [{text: detail}]}]} : {}),
	})),
});

const sections = [section('about', [['Linux and Vim'], ['nothing']]), section('projects', [['Kernel', 'a linux port'], ['LINUX'], ['other']])];

describe('search', () => {
	it('is case-insensitive unless the query has a capital', () => {
		expect(findMatches(sections, compileQuery('linux')!)).toHaveLength(3);
		expect(findMatches(sections, compileQuery('Linux')!)).toEqual([{section: 0, entry: 0}]);
		expect(compileQuery('')).toBeUndefined();
		expect(findMatches(sections, compileQuery('a (b')!)).toEqual([]);
	});

	it('marks matches only in hidden details for expanding', () => {
		expect(findMatches(sections, compileQuery('port')!)).toEqual([{section: 1, entry: 0, expand: 'projects-0'}]);
	});

	it('finds the next and previous match with wrap-around', () => {
		const matches = findMatches(sections, compileQuery('linux')!);
		expect(nextMatch(matches, {section: 0, entry: 0}, 'at-or-after')).toEqual({match: matches[0], hasWrapped: false});
		expect(nextMatch(matches, {section: 0, entry: 0}, 'next')).toEqual({match: matches[1], hasWrapped: false});
		expect(nextMatch(matches, {section: 1, entry: 1}, 'next')).toEqual({match: matches[0], hasWrapped: true});
		expect(nextMatch(matches, {section: 0, entry: 0}, 'previous')).toEqual({match: matches[2], hasWrapped: true});
		expect(nextMatch([], {section: 0, entry: 0}, 'next')).toBeUndefined();
		expect(matchCounts(matches, 2)).toEqual([1, 2]);
	});
});
