// Keypress to frame inside one process: the App rendered by Ink (debug mode, as the CLI runs it)
// through test/helpers/render-app.tsx, keys (j k alternately) each awaited to its frame. No
// pseudo-terminal and no other process: this is the render path alone, which the keypress
// benchmark measures end to end. Bundled with esbuild like dist/cli.cjs (production React), at
// 100×30, coloured as a truecolor terminal would see it and in the mono theme; on the home screen
// (j k move through the menu: every key shows another section, as in the keypress benchmark) and
// in Experience (j k move the cursor between two entries). Each case runs in a fresh process:
// its first 100 keys meet a cold JIT, as the keypress benchmark's do; 400 more are measured warm.
// Baseline beside it: the same driver with Ink as published, without scripts/build/ink-frame-cache.js
// (which dist/cli.cjs is built with), in alternate processes of the same rounds.
import {execFileSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {build} from 'esbuild';
import {inkFrameCache} from '../scripts/build/ink-frame-cache.js';
import {likeTheApp} from '../scripts/build/options.js';
import {median, percentile, printTable, projectRoot, runs} from './lib/stats.mjs';

const coldKeys = 100;
const warmKeys = 400;
const rounds = runs(3);
const entry = `
import {performance} from 'node:perf_hooks';
import resumeDocument from './data/resume.json' with {type: 'json'};
import {parseResume} from './source/data/load.js';
import {createTheme} from './source/view/theme.js';
import {renderApp} from './test/helpers/render-app.js';

const [themeName, level, section] = process.argv.slice(2);
const loaded = parseResume(resumeDocument, 'data/resume.json');
if (!loaded.ok) throw new Error(loaded.error);
const style = {theme: createTheme(themeName, Number(level)), hasHyperlinks: Number(level) > 0};
const app = await renderApp({size: {columns: 100, rows: 30}, resume: loaded.resume, style, initialSection: section === '-' ? undefined : Number(section)});
async function press(count) {
	const times = [];
	const cpu = process.cpuUsage();
	for (let index = 0; index < count; index++) {
		const start = performance.now();
		await app.press(index % 2 === 0 ? 'j' : 'k');
		times.push(performance.now() - start);
	}
	const used = process.cpuUsage(cpu);
	return {times, cpuPerKey: (used.user + used.system) / 1000 / count};
}
const cold = await press(${coldKeys});
const warm = await press(${warmKeys});
app.unmount();
console.log(JSON.stringify({cold, warm}));
`;

const builds = [
	{name: 'as bundled', frameCache: inkFrameCache()},
	{name: 'Ink unpatched', frameCache: false},
];
for (const each of builds) {
	each.outfile = path.join(projectRoot, 'bench', `.render-loop-${process.pid}-${builds.indexOf(each)}.mjs`);
	await build({
		...likeTheApp({frameCache: each.frameCache}),
		stdin: {contents: entry, resolveDir: projectRoot, sourcefile: 'render-loop-entry.ts', loader: 'ts'},
		outfile: each.outfile,
	});
}

const rows = [];
try {
	for (const [keys, theme, level, section] of [
		['menu', 'dark', 3, '-'],
		['menu', 'mono', 0, '-'],
		['detail', 'dark', 3, '1'],
	]) {
		const results = builds.map(() => ({cold: {times: [], cpu: []}, warm: {times: [], cpu: []}}));
		for (let round = 0; round < rounds; round++) {
			// Alternate which build goes first, so neither always meets the other's leftovers.
			const order = round % 2 === 0 ? builds.keys() : [...builds.keys()].reverse();
			for (const index of order) {
				const result = JSON.parse(execFileSync(process.execPath, [builds[index].outfile, theme, String(level), section], {cwd: projectRoot, encoding: 'utf8'}));
				const {cold, warm} = results[index];
				cold.times.push(...result.cold.times);
				cold.cpu.push(result.cold.cpuPerKey);
				warm.times.push(...result.warm.times);
				warm.cpu.push(result.warm.cpuPerKey);
			}
		}

		for (const [index, {cold, warm}] of results.entries()) {
			rows.push({
				keys,
				theme: `${theme}, level ${level}`,
				Ink: builds[index].name,
				'cold p50': median(cold.times),
				'cold p95': percentile(cold.times, 0.95),
				// CPU time is the steadier figure when others share the machine.
				'cold CPU ms/key': median(cold.cpu),
				'warm p50': median(warm.times),
				'warm p95': percentile(warm.times, 0.95),
				'warm CPU ms/key': median(warm.cpu),
			});
		}
	}
} finally {
	for (const {outfile} of builds) {
		rmSync(outfile, {force: true});
	}
}

printTable(`Key → frame in process (ms): first ${coldKeys} keys (cold), then ${warmKeys} (warm), × ${rounds} processes, 100×30, Ink debug mode`, rows);
