// Display width of text made only of characters that are each a grapheme cluster of their own and
// never an emoji sequence: ASCII, Latin-1 and Latin Extended letters, general punctuation, arrows,
// box drawing, geometric shapes and dingbats. That is what a résumé in a Latin script and our own
// chrome (·, –, ❯, ─, ▸, •, ↑↓) are made of. string-width answers them from the East Asian Width
// of each character, but only after building an Intl.Segmenter (ICU data) and its emoji pattern:
// ~50 ms and ~8 MB before a first frame. The bundle patches string-width to ask this first
// (scripts/build/README.md); test/document/text-width.test.ts proves the answers equal for every such
// character.
import {eastAsianWidth} from 'get-east-asian-width';

// No combining marks (U+0300–036F), no soft hyphen (U+00AD), no zero-width or bidi format
// characters (U+200B–200F, U+2028–202F, U+205F–206F), no variation selectors, no astral planes.
const simpleText = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u2BFF]*$/;

/** The width string-width gives `text` (ANSI codes already removed), or undefined when it needs the full algorithm. */
export function simpleTextWidth(text: string, ambiguousAsWide = false): number | undefined {
	if (!simpleText.test(text)) {
		return undefined;
	}

	let width = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		width += code < 0x7F ? 1 : eastAsianWidth(code, {ambiguousAsWide});
	}

	return width;
}

// Characters that never join a neighbour into one grapheme cluster: the simple text above plus the
// C0 controls that start ANSI sequences (ESC, BEL) and the rest of ASCII, but not CR (CR LF is one
// cluster).
const singleClusterText = /^[\u0000-\u000C\u000E-\u007E\u00A0-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u2BFF]*$/;

type GraphemeSegment = {readonly segment: string; readonly index: number; readonly input: string};

/** What Intl.Segmenter's segment() returns, for text whose every UTF-16 unit is its own grapheme. */
class SingleClusterSegments implements Iterable<GraphemeSegment> {
	constructor(private readonly input: string) {}

	containing(index = 0): GraphemeSegment | undefined {
		const at = Math.trunc(index);
		return at >= 0 && at < this.input.length ? {segment: this.input[at] ?? '', index: at, input: this.input} : undefined;
	}

	*[Symbol.iterator](): Iterator<GraphemeSegment> {
		for (let index = 0; index < this.input.length; index++) {
			yield {segment: this.input[index] ?? '', index, input: this.input};
		}
	}
}

/**
 * A grapheme segmenter that answers text made of single-cluster characters itself and builds an
 * Intl.Segmenter (ICU's break data: ~20 ms and several MB) only for other text. The bundle gives
 * it to string-width, slice-ansi and ansi-tokenize in place of theirs (scripts/build/README.md);
 * test/document/text-width.test.ts checks it against Intl.Segmenter.
 */
export function graphemeSegmenter(create = (): Intl.Segmenter => new Intl.Segmenter()): {
	segment(text: string): Iterable<GraphemeSegment> & {containing(index?: number): GraphemeSegment | undefined};
} {
	let segmenter: Intl.Segmenter | undefined;
	return {
		segment: (text) => (singleClusterText.test(text) ? new SingleClusterSegments(text) : (segmenter ??= create()).segment(text)),
	};
}
