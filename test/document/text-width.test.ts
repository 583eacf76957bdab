import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {graphemeSegmenter, simpleTextWidth} from '../../source/document/text-width.js';

const ranges: Array<[number, number]> = [
	[0x20, 0x7E],
	[0xA0, 0xAC],
	[0xAE, 0x2FF],
	[0x2010, 0x2027],
	[0x2030, 0x205E],
	[0x2190, 0x2BFF],
];
const simpleCharacters = ranges.flatMap(([from, to]) => Array.from({length: to - from + 1}, (_, index) => String.fromCodePoint(from + index)));

describe('simpleTextWidth', () => {
	it('gives string-width’s answer for every character it answers, narrow and wide ambiguous', () => {
		const differences = simpleCharacters.flatMap((character) =>
			[true, false].flatMap((ambiguousIsNarrow) => {
				const expected = stringWidth(character, {ambiguousIsNarrow});
				const actual = simpleTextWidth(character, !ambiguousIsNarrow);
				return actual === expected ? [] : [`U+${character.codePointAt(0)?.toString(16)} narrow=${ambiguousIsNarrow}: ${actual} ≠ ${expected}`];
			}),
		);
		expect(differences).toEqual([]);
		expect(simpleCharacters.length).toBe(95 + 13 + 594 + 24 + 47 + 2672);
	});

	it('gives string-width’s answer for mixed text, and the characters wide in East Asian Width count 2', () => {
		let seed = 7;
		const random = (): number => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed / 2_147_483_648;
		};

		for (let sample = 0; sample < 2000; sample++) {
			const text = Array.from({length: 1 + Math.floor(random() * 30)}, () => simpleCharacters[Math.floor(random() * simpleCharacters.length)]).join('');
			expect(simpleTextWidth(text)).toBe(stringWidth(text));
		}

		expect(simpleTextWidth('Jan 2019 – Present · Bangalore ❯ ─▸•↑↓')).toBe(38);
		expect(simpleTextWidth('⌚⏩')).toBe(4);
	});

	it('leaves to string-width what needs grapheme segmentation or emoji rules', () => {
		for (const text of ['e\u0301', 'soft\u00ADhyphen', 'a\u200Db', '✔\uFE0F', '👍', '日本', 'Ā\u0304', '\u2028', '\u0007']) {
			expect(simpleTextWidth(text)).toBeUndefined();
		}
	});
});

describe('graphemeSegmenter', () => {
	const intl = new Intl.Segmenter();
	const ours = graphemeSegmenter();
	const segments = (iterable: Iterable<{segment: string; index: number}>): Array<[string, number]> => Array.from(iterable, ({segment, index}) => [segment, index]);
	const controls = Array.from({length: 0x20}, (_, code) => String.fromCharCode(code)).filter((character) => character !== '\r');
	const ansi = ['\u001B[1m', '\u001B[38;5;208m', '\u001B[0m', '\u001B]8;;https://example.com/a?b=1\u0007', '\u001B]8;;\u0007'];

	it('splits text as Intl.Segmenter does, and finds the segment containing each index', () => {
		let seed = 11;
		const random = (): number => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed / 2_147_483_648;
		};

		const pieces = [...simpleCharacters, ...controls, ...ansi];
		const texts = [...pieces, ...Array.from({length: 3000}, () => Array.from({length: Math.floor(random() * 40)}, () => pieces[Math.floor(random() * pieces.length)]).join(''))];
		for (const text of texts) {
			expect(segments(ours.segment(text)), JSON.stringify(text)).toEqual(segments(intl.segment(text)));
			for (const index of [-1, 0, Math.floor(text.length / 2), text.length - 1, text.length]) {
				const theirs = intl.segment(text).containing(index);
				const mine = ours.segment(text).containing(index);
				expect(mine && [mine.segment, mine.index], `${JSON.stringify(text)} @${index}`).toEqual(theirs && [theirs.segment, theirs.index]);
			}
		}
	});

	it('hands text that joins characters into one grapheme to Intl.Segmenter', () => {
		for (const text of ['e\u0301!', '\r\n', '👍🏽 ok', '🇮🇳', 'a\u200Db', '✔\uFE0F', '한국어', 'ก่']) {
			expect(segments(ours.segment(text)), JSON.stringify(text)).toEqual(segments(intl.segment(text)));
		}
	});
});
