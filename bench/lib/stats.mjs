// Small statistics and the table every benchmark prints.
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The CLI under test: dist/cli.cjs, or BENCH_CLI (e.g. an older build, for before/after figures). */
export const cliPath = path.resolve(process.env.BENCH_CLI ?? path.join(projectRoot, 'dist', 'cli.cjs'));
/** Runs per measured program; BENCH_RUNS overrides each benchmark's default. */
export const runs = (fallback) => Number(process.env.BENCH_RUNS ?? fallback);

export function percentile(values, fraction) {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) {
		return Number.NaN;
	}

	// Nearest rank: p95 of 100 values is the 95th smallest.
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const format = (value) => (typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1)) : String(value));

/** Prints rows of objects as an aligned table under a title. */
export function printTable(title, rows) {
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const cells = [columns, ...rows.map((row) => columns.map((column) => format(row[column] ?? '')))];
	const widths = columns.map((_, index) => Math.max(...cells.map((line) => line[index].length)));
	console.log(`\n${title}`);
	for (const [index, line] of cells.entries()) {
		console.log(`  ${line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')}`);
		if (index === 0) {
			console.log(`  ${widths.map((width) => '-'.repeat(width)).join('  ')}`);
		}
	}

	// Wall times stretch when others share the machine: say how busy it was.
	console.log(`  (load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} on ${os.cpus().length} cores; Node.js ${process.version})`);
}

/** `value` against `goal` as a verdict for the table. */
export const verdict = (value, goal) => (value <= goal ? `ok (≤ ${goal})` : `OVER (goal ≤ ${goal})`);
