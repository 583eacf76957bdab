// Printed paths: `balakumaran --format text`, `--format json`, a section, `--version` and a piped
// bare `balakumaran`, each from start to exit, against a script that writes exactly the same bytes
// (the baseline), interleaved run by run, without a terminal. Printing never loads the Ink app, so
// each should cost little more than Node.js starting and writing.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {performance} from 'node:perf_hooks';
import {cliPath, median, printTable, runs, verdict} from './lib/stats.mjs';
import {cleanEnv} from './lib/terminal.mjs';

const rounds = runs(15);
const goal = 1.2;
const env = cleanEnv();
const paths = [
	['--format text', ['--format', 'text']],
	['--format json', ['--format', 'json']],
	['a section (projects --format text)', ['projects', '--format', 'text']],
	['--version', ['--version']],
	['piped (no arguments)', []],
];
const folder = mkdtempSync(path.join(os.tmpdir(), 'balakumaran-print-bench-'));

/** Milliseconds from spawn to exit; the output must be `expected` when given. */
function time(command, args, expected) {
	const start = performance.now();
	const result = spawnSync(command, args, {env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	const elapsed = performance.now() - start;
	if (result.status !== 0 || (expected !== undefined && result.stdout !== expected)) {
		throw new Error(`${command} ${args.join(' ')}: exit ${result.status}, ${result.stderr}`);
	}

	return {elapsed, stdout: result.stdout};
}

const rows = [];
try {
	for (const [name, args] of paths) {
		const {stdout} = time(process.execPath, [cliPath, ...args]);
		const baseline = path.join(folder, `${rows.length}.mjs`);
		writeFileSync(baseline, `process.stdout.write(${JSON.stringify(stdout)});\n`);
		const ours = [];
		const theirs = [];
		for (let round = 0; round < rounds; round++) {
			ours.push(time(process.execPath, [cliPath, ...args], stdout).elapsed);
			theirs.push(time(process.execPath, [baseline], stdout).elapsed);
		}

		const ratio = median(ours) / median(theirs);
		rows.push({path: name, 'ms (median)': median(ours), 'baseline ms': median(theirs), ratio, verdict: verdict(Number(ratio.toFixed(2)), goal)});
	}
} finally {
	rmSync(folder, {recursive: true, force: true});
}

printTable(`Printed output, start to exit (${rounds} interleaved runs each; baseline: a script writing the same bytes)`, rows);
