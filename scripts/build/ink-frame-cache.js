// An esbuild plugin that lets Ink 6.8 reuse work from one frame to the next. Ink lays out each
// frame into a fresh `Output`: every line of text is tokenized and turned into styled characters,
// every width measured, and every row re-serialised by comparing each cell's styles with the
// previous cell's (three Sets per cell), all with caches that live for that one frame. Most of
// a frame is the same text as the last one, so that work is ~half of a keypress's CPU time.
//
// The patches, applied at bundle time to the exact files (each search text must occur exactly
// once, or the build stops):
// - ink/build/output.js: the width and styled-character caches are kept across frames (each
//   cleared when it reaches its limit); blank cells are one shared object; a row whose cells
//   match the same row of the previous frame reuses that row's text.
// - ink/build/renderer.js: each root node keeps its own previous rows (one per Ink instance, so
//   several apps in one process, as `serve` runs them, do not evict each other's).
// - ink/build/render-node-to-output.js: a text's widest line is measured through those caches.
// - @alcalzone/ansi-tokenize: characters of one style run share one style array instead of a copy
//   each, and comparing or printing no styles, or identical ones, returns at once.
// None of this changes a byte of any frame: test/package/ink-frame-cache.test.ts renders the app
// through many states with and without the plugin and compares every frame.
import {readFile} from 'node:fs/promises';
import {replaceOnce} from './replace-once.js';

/** [search, replacement] pairs per file, for the given cache limits. */
function patchesFor(limits) {
	return [
		{
			file: 'ink/build/output.js',
			replacements: [
				// Bounded caches: each is cleared when it reaches its limit.
				[
					'            this.styledChars.set(line, cached);',
					`            if (this.styledChars.size >= ${limits.styledLines}) {\n                this.styledChars.clear();\n            }\n            this.styledChars.set(line, cached);`,
				],
				[
					'            this.widths.set(text, cached);',
					`            if (this.widths.size >= ${limits.widths}) {\n                this.widths.clear();\n            }\n            this.widths.set(text, cached);`,
				],
				[
					'            this.blockWidths.set(text, cached);',
					`            if (this.blockWidths.size >= ${limits.blocks}) {\n                this.blockWidths.clear();\n            }\n            this.blockWidths.set(text, cached);`,
				],
				[
					'export default class Output {',
					[
						// The caches map text to what it always yields, so every frame can share them.
						'const frameCaches = new OutputCaches();',
						// Nothing writes into a cell: a cell is replaced, so every blank can be the same one.
						"const blankCell = { type: 'char', value: ' ', fullWidth: false, styles: [] };",
						// A row's text depends only on each cell's value and the codes of its styles.
						'const sameStyles = (a, b) => {',
						'    if (a === b) {',
						'        return true;',
						'    }',
						'    if (a.length !== b.length) {',
						'        return false;',
						'    }',
						'    for (let index = 0; index < a.length; index++) {',
						'        if (a[index].code !== b[index].code || a[index].endCode !== b[index].endCode) {',
						'            return false;',
						'        }',
						'    }',
						'    return true;',
						'};',
						'const sameCells = (a, b) => {',
						'    if (a.length !== b.length) {',
						'        return false;',
						'    }',
						'    for (let index = 0; index < a.length; index++) {',
						'        const cell = a[index];',
						'        const other = b[index];',
						'        if (cell !== other && (cell.value !== other.value || !sameStyles(cell.styles, other.styles))) {',
						'            return false;',
						'        }',
						'    }',
						'    return true;',
						'};',
						'export default class Output {',
					].join('\n'),
				],
				['    caches = new OutputCaches();', '    caches = frameCaches;\n    previousRows;'],
				['        const { width, height } = options;', '        const { width, height } = options;\n        this.previousRows = options.previousRows;'],
				[
					[
						'                row.push({',
						"                    type: 'char',",
						"                    value: ' ',",
						'                    fullWidth: false,',
						'                    styles: [],',
						'                });',
					].join('\n'),
					'                row.push(blankCell);',
				],
				[
					[
						'            .map(line => {',
						'            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742',
						'            const lineWithoutEmptyItems = line.filter(item => item !== undefined);',
						'            return styledCharsToString(lineWithoutEmptyItems).trimEnd();',
						'        })',
					].join('\n'),
					[
						'            .map((line, y) => {',
						'            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742',
						'            const lineWithoutEmptyItems = line.filter(item => item !== undefined);',
						'            const previousRows = this.previousRows;',
						'            if (previousRows === undefined) {',
						'                return styledCharsToString(lineWithoutEmptyItems).trimEnd();',
						'            }',
						'            const previous = previousRows[y];',
						'            if (previous !== undefined && sameCells(previous.cells, lineWithoutEmptyItems)) {',
						'                return previous.text;',
						'            }',
						'            const text = styledCharsToString(lineWithoutEmptyItems).trimEnd();',
						'            previousRows[y] = { cells: lineWithoutEmptyItems, text };',
						'            return text;',
						'        })',
					].join('\n'),
				],
				[
					"            .join('\\n');\n        return {",
					// A shorter frame than the last must not keep the rows below it alive.
					"            .join('\\n');\n        if (this.previousRows !== undefined && this.previousRows.length > output.length) {\n            this.previousRows.length = output.length;\n        }\n        return {",
				],
			],
		},
		{
			file: 'ink/build/renderer.js',
			replacements: [
				[
					'        const output = new Output({\n            width: node.yogaNode.getComputedWidth(),',
					// Static output is drawn once, so only the live frame keeps its rows.
					'        node.internal_previousRows ??= [];\n        const output = new Output({\n            previousRows: node.internal_previousRows,\n            width: node.yogaNode.getComputedWidth(),',
				],
			],
		},
		{
			file: 'ink/build/render-node-to-output.js',
			replacements: [['const currentWidth = widestLine(text);', 'const currentWidth = output.caches.getWidestLine(text);']],
		},
		{
			file: '@alcalzone/ansi-tokenize/build/styledChars.js',
			// reduceAnsiCodesIncremental returns a new array for every code and nothing writes into
			// a character's styles, so one array can serve every character of a style run.
			replacements: [['                styles: [...codes],', '                styles: codes,']],
		},
		{
			file: '@alcalzone/ansi-tokenize/build/diff.js',
			replacements: [
				[
					'export function diffAnsiCodes(from, to) {',
					[
						// Identical styles (the same codes in the same order) need no codes in between.
						'const sameCodes = (from, to) => {',
						'    if (from === to) {',
						'        return true;',
						'    }',
						'    if (from.length !== to.length) {',
						'        return false;',
						'    }',
						'    for (let index = 0; index < from.length; index++) {',
						'        if (from[index].code !== to[index].code || from[index].endCode !== to[index].endCode) {',
						'            return false;',
						'        }',
						'    }',
						'    return true;',
						'};',
						'export function diffAnsiCodes(from, to) {',
						'    if (sameCodes(from, to)) {',
						'        return [];',
						'    }',
					].join('\n'),
				],
			],
		},
		{
			file: '@alcalzone/ansi-tokenize/build/ansiCodes.js',
			replacements: [
				[
					'export function ansiCodesToString(codes) {',
					[
						'export function ansiCodesToString(codes) {',
						'    if (codes.length === 0) {',
						'        return "";',
						'    }',
						'    if (codes.length === 1) {',
						'        return codes[0].code;',
						'    }',
					].join('\n'),
				],
			],
		},
	];
}

const escapeForRegExp = (text) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The plugin. `limits` bound the caches kept across frames (entries each); past a limit a cache
 * starts again empty. A frame draws well under a hundred lines; a tour of every screen of the
 * résumé at one size and theme leaves ~270 styled lines (~12,000 characters, ~0.6 MB), and at
 * the default limits the caches hold at most ~5 MB.
 */
export function inkFrameCache({limits: {styledLines = 1000, widths = 4000, blocks = 1000} = {}, packages = ['ink', '@alcalzone/ansi-tokenize']} = {}) {
	// `packages` picks whose files are patched: the bin patches ansi-tokenize (its own code uses
	// it) and hands it to the app, which patches Ink's files.
	const patches = patchesFor({styledLines, widths, blocks}).filter(({file}) => packages.some((name) => file.startsWith(`${name}/`)));
	return {
		name: 'ink-frame-cache',
		setup(build) {
			const patched = new Set();
			for (const {file, replacements} of patches) {
				const pattern = file.split('/').map((part) => escapeForRegExp(part)).join('[\\\\/]');
				build.onLoad({filter: new RegExp(`[\\\\/]node_modules[\\\\/]${pattern}$`)}, async (args) => {
					let source = await readFile(args.path, 'utf8');
					for (const [search, replacement] of replacements) {
						source = replaceOnce(source, search, replacement, {patch: 'ink-frame-cache', file, library: 'Ink or @alcalzone/ansi-tokenize'});
					}

					patched.add(file);
					return {contents: source, loader: 'js'};
				});
			}

			build.onStart(() => {
				patched.clear();
			});
			// A file that moved would otherwise be bundled unpatched without a word.
			build.onEnd((result) => {
				const missing = patches.map(({file}) => file).filter((file) => !patched.has(file));
				if (result.errors.length === 0 && missing.length > 0) {
					throw new Error(`ink-frame-cache: never loaded ${missing.join(', ')}; has Ink changed, or does this build not bundle Ink?`);
				}
			});
		},
	};
}

export default inkFrameCache;
