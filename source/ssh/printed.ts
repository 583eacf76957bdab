// What `ssh host <word>` prints: a section as text, or the whole résumé in a format. Never a
// shell, never a process: a word outside this list is an unknown command.
import type {Resume} from '../data/schema.js';
import type {SectionId} from '../document/model.js';
import {buildSections} from '../document/sections.js';
import {formats, printResume, type Format} from '../cli/print/print.js';

export type Printer = {
	/** The words `exec` understands: each section id, then each format. */
	readonly words: readonly string[];
	/** The output for `word` at `width`, or undefined for an unknown word. */
	readonly print: (word: string, width: number) => string | undefined;
};

/** One per server: every visitor gets the same text for the same word and width, so it is made once. */
export function createPrinter(resume: Resume): Printer {
	const sections = buildSections(resume).map((section) => section.id);
	const words: readonly string[] = [...sections, ...formats];
	const cache = new Map<string, string>();
	return {
		words,
		print(word, width) {
			if (!words.includes(word)) {
				return undefined;
			}

			const key = `${word}|${width}`;
			let output = cache.get(key);
			if (output === undefined) {
				const isFormat = (formats as readonly string[]).includes(word);
				output = printResume(resume, {
					format: isFormat ? (word as Format) : 'text',
					width,
					section: isFormat ? undefined : (word as SectionId),
				});
				// Widths run 1–300 and words about a dozen: small, but keep it bounded anyway.
				if (cache.size >= 256) {
					cache.clear();
				}

				cache.set(key, output);
			}

			return output;
		},
	};
}
