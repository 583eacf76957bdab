// Fitting plain text into a number of terminal columns, by display width (CJK and emoji take two).
// cli-truncate/slice-ansi overshoot by a column when a wide character meets the edge.
import stringWidth from 'string-width';
import {graphemeSegmenter} from './text-width.js';

// ICU's segmenter only for text that needs it (see text-width.ts).
const segmenter = graphemeSegmenter();

function graphemes(text: string): string[] {
	return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** The text cut to at most `width` columns, ending in "…" when it was cut. */
export function fitEnd(text: string, width: number): string {
	if (stringWidth(text) <= width) {
		return text;
	}

	let out = '';
	let used = 0;
	for (const grapheme of graphemes(text)) {
		const size = stringWidth(grapheme);
		if (used + size > width - 1) {
			break;
		}

		out += grapheme;
		used += size;
	}

	return width >= 1 ? `${out}…` : '';
}

/** The end of the text that fits in `width` columns (a prompt keeps what was typed last in view). */
export function fitStart(text: string, width: number): string {
	let out = '';
	let used = 0;
	for (const grapheme of graphemes(text).reverse()) {
		const size = stringWidth(grapheme);
		if (used + size > width) {
			break;
		}

		out = grapheme + out;
		used += size;
	}

	return out;
}
