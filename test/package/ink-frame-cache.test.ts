// scripts/build/ink-frame-cache.js patches Ink at bundle time so frames reuse the work of the frames
// before them. It must never change a byte of a frame: test/helpers/frame-log.tsx is bundled
// with Ink as published and with the plugin (default limits, and limits so small that its
// caches are cleared all the time), every tour's frames are compared one by one, and a plugin
// broken on purpose (a row cache that ignores styles) must be caught by the same comparison.
import {execFile} from 'node:child_process';
import {mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {build, type Plugin, type PluginBuild} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {inkFrameCache} from '../../scripts/build/ink-frame-cache.js';
import {bundleLikeTheApp} from '../helpers/bundle-app.js';

const run = promisify(execFile);
const directory = mkdtempSync(path.join(tmpdir(), 'balakumaran-frame-cache-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

/** The plugin with one more edit to a file it patches, to show the comparison catches a faulty patch. */
function brokenPlugin(file: RegExp, search: string, replacement: string): Plugin {
	const plugin = inkFrameCache();
	return {
		name: 'ink-frame-cache-broken',
		setup(build) {
			const wrapped: PluginBuild = {
				...build,
				onLoad(options, callback) {
					build.onLoad(options, async (args) => {
						const result = await callback(args);
						if (!file.test(args.path) || typeof result?.contents !== 'string') {
							return result;
						}

						if (!result.contents.includes(search)) {
							throw new Error(`the patched ${args.path} has no '${search}'`);
						}

						return {...result, contents: result.contents.replace(search, replacement)};
					});
				},
			};
			return plugin.setup(wrapped);
		},
	};
}

/** The frame log bundled like the app in dist/cli.cjs (React's production build) with these plugins. */
async function bundle(name: string, frameCache: Plugin | false): Promise<string> {
	return bundleLikeTheApp(fileURLToPath(new URL('../helpers/frame-log.tsx', import.meta.url)), path.join(directory, `${name}.mjs`), {frameCache});
}

/** Every frame of each tour (an empty list for the tours not asked for). */
async function frames(script: string, tours?: string): Promise<string[][]> {
	const log = `${script}.json`;
	await run(process.execPath, [script, log, ...(tours ? [tours] : [])], {cwd: path.dirname(script)});
	return JSON.parse(readFileSync(log, 'utf8')) as string[][];
}

/** Index and both versions of the first frame that differs, or undefined when all are the same. */
function firstDifference(expected: string[][], actual: string[][]): {tour: number; frame: number; expected?: string; actual?: string} | undefined {
	for (const [tour, frames] of expected.entries()) {
		const other = actual[tour] ?? [];
		for (let frame = 0; frame < Math.max(frames.length, other.length); frame++) {
			if (frames[frame] !== other[frame]) {
				return {tour, frame, expected: frames[frame], actual: other[frame]};
			}
		}
	}

	return undefined;
}

describe('ink-frame-cache', () => {
	let plain: string[][] = [];
	let patched: string[][] = [];
	let evicting: string[][] = [];
	let broken: string[][] = [];
	const evictingTours = '0,4';

	beforeAll(async () => {
		const [plainScript, patchedScript, evictingScript, brokenScript] = await Promise.all([
			bundle('plain', false),
			bundle('patched', inkFrameCache()),
			bundle('evicting', inkFrameCache({limits: {styledLines: 7, widths: 11, blocks: 3}})),
			bundle(
				'broken',
				brokenPlugin(
					/[\\/]ink[\\/]build[\\/]output\.js$/,
					'(cell.value !== other.value || !sameStyles(cell.styles, other.styles))',
					'cell.value !== other.value',
				),
			),
		]);
		[plain, patched, evicting, broken] = await Promise.all([
			frames(plainScript),
			frames(patchedScript),
			frames(evictingScript, evictingTours),
			frames(brokenScript, '0'),
		]);
	}, 60_000);

	it('renders many different frames, with colours and links', () => {
		const all = plain.flat();
		expect(all.length).toBeGreaterThan(500);
		expect(new Set(all).size).toBeGreaterThan(300);
		expect(all.some((frame) => frame.includes('\u001B]8;;https://'))).toBe(true);
		expect(all.some((frame) => frame.includes('巴拉 🚀'))).toBe(true);
	});

	it('draws every frame byte for byte as Ink without the plugin', () => {
		expect(firstDifference(plain, patched)).toBeUndefined();
		expect(patched.flat()).toHaveLength(plain.flat().length);
	});

	it('draws the same while its caches are cleared all the time', () => {
		const wanted = new Set(evictingTours.split(',').map(Number));
		const expected = plain.map((frames, tour) => (wanted.has(tour) ? frames : []));
		expect(firstDifference(expected, evicting)).toBeUndefined();
	});

	it('would catch a row cache that ignores styles', () => {
		const expected = plain.map((frames, tour) => (tour === 0 ? frames : []));
		const difference = firstDifference(expected, broken);
		expect(difference).toBeDefined();
		// The same characters, in other colours.
		const strip = (frame = ''): string => frame.replaceAll(/\u001B\[[\d;]*m/g, '');
		expect(strip(difference?.actual)).toBe(strip(difference?.expected));
	});

	it('stops the build when a file it patches has changed', async () => {
		const fakeInk = path.join(directory, 'node_modules', 'ink', 'build');
		mkdirSync(fakeInk, {recursive: true});
		writeFileSync(path.join(fakeInk, 'output.js'), 'export default class Output {}\n');
		const attempt = build({
			stdin: {contents: "import Output from './node_modules/ink/build/output.js'; console.log(Output);", resolveDir: directory},
			bundle: true,
			write: false,
			logLevel: 'silent',
			plugins: [inkFrameCache()],
		});
		await expect(attempt).rejects.toThrow(/ink-frame-cache: ink\/build\/output\.js: 'this\.styledChars\.set\(line, cached\);' not found; has Ink/);
	});

	it('stops the build when a file it patches was never bundled', async () => {
		const attempt = build({stdin: {contents: 'console.log(1);'}, write: false, logLevel: 'silent', plugins: [inkFrameCache()]});
		await expect(attempt).rejects.toThrow(/ink-frame-cache: never loaded ink\/build\/output\.js, .*has Ink changed/);
	});
});
