// The README's key table says what the keymap does: every key it names is bound, and every key
// the footer can hint at is in it.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {keyLabel, keymap} from '../../source/model/keymap.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const table = readme.slice(readme.indexOf('| keys | what they do |'), readme.indexOf('The footer always shows'));
const rows = table.split('\n').filter((line) => line.startsWith('| `'));
/** The keys column's names, as the keymap spells them. */
const named = rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? ''));
const bound = new Map(keymap.flatMap((binding) => binding.keys.map((key) => [keyLabel(key), key] as const)));

describe("the README's key table", () => {
	it('has a row for every kind of key', () => {
		expect(rows.length).toBeGreaterThanOrEqual(12);
	});

	it.each(named)('names %j, which the keymap binds', (label) => {
		// `5j`: a count before a key; `:q`: the command line; `gg`: a sequence of bound keys.
		// Ctrl-C is written as people write it; the keymap's label is Ctrl-c.
		const written = label.replace(/^Ctrl-([A-Z])$/, (_, letter: string) => `Ctrl-${letter.toLowerCase()}`);
		const key = /^\d+(.+)$/.exec(written)?.[1] ?? (written.startsWith(':') ? ':' : written);
		const isSequence = [...key].length > 1 && !bound.has(key) && [...key].every((char) => bound.has(char));
		expect(bound.has(key) || isSequence, `${label} is not in keymap.ts`).toBe(true);
	});

	it('names every key the footer hints at', () => {
		const hinted = keymap.filter((binding) => binding.hint !== undefined && binding.when !== 'prompt');
		for (const binding of hinted) {
			expect(binding.keys.some((key) => named.includes(keyLabel(key))), `${binding.description}: ${binding.keys.join(', ')}`).toBe(true);
		}
	});
});
