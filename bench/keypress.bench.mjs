// Keypress to next frame: 100 arrow keys (↓ ↑ alternately, so each one moves the selection) in a
// 100×30 pseudo-terminal, from the write of each key to the next synchronized-update end. Against
// a baseline beside it: a script that answers each key with a one-row synchronized update, i.e.
// the pseudo-terminal's own round trip. Goals: p95 ≤ 10 ms at one key per 100 ms, ≤ 20 ms at
// key-repeat speed (one per 30 ms).
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {setTimeout as sleep} from 'node:timers/promises';
import {firstKeyAfterFirstFrame, size} from './lib/home-screen.mjs';
import {cliPath, median, percentile, printTable, runs, verdict} from './lib/stats.mjs';
import {cleanEnv, spawnInTerminal} from './lib/terminal.mjs';

const keys = 100;
const sessions = runs(3);
const paces = [
	{label: 'one per 100 ms', interval: 100, goal: 10},
	{label: 'key repeat, one per 30 ms', interval: 30, goal: 20},
];

const folder = mkdtempSync(path.join(os.tmpdir(), 'balakumaran-bench-'));
const echo = path.join(folder, 'echo.mjs');
writeFileSync(
	echo,
	[
		"process.stdout.write('\\u001B[?1049h\\u001B[?2026h\\u001B[1;1Hready\\u001B[?2026l');",
		'process.stdin.setRawMode(true);',
		"process.stdin.on('data', (key) => key[0] === 113 ? process.exit(0) : process.stdout.write(`\\u001B[?2026h\\u001B[2;1H${key.length}\\u001B[?2026l`));",
	].join('\n'),
);

/**
 * Latency of each key: write → the first frame that ends after it. The app's keys start once a
 * first key, typed as soon as the first frame is in, has moved the menu (that wait, the Ink app
 * taking over the screen, is reported on its own).
 */
async function measure(args, interval, env, isApp) {
	const session = spawnInTerminal(process.execPath, args, {...size, env});
	try {
		await session.frameAfter(0, {what: 'the first frame'});
		const takeover = isApp ? await firstKeyAfterFirstFrame(session) : Number.NaN;
		if (isApp) {
			// The timed keys are Ink's: the bin answers keys until Ink has taken over (a second or so),
			// and keys that pile up behind its compile would be drawn as one frame.
			await sleep(1500);
		}
		const written = [];
		for (let index = 0; index < keys; index++) {
			const at = session.write(index % 2 === (isApp ? 1 : 0) ? '\u001B[B' : '\u001B[A');
			written.push(at);
			if (interval >= 100) {
				// Slow typing: each key's frame is in before the next key (then the pace is kept).
				await session.frameAfter(at);
			}

			const wait = at + interval - session.now();
			if (wait > 0) {
				await sleep(wait);
			}
		}

		await session.frameAfter(written.at(-1), {what: 'the frame of the last key'});
		const frames = session.frames();
		return {latencies: written.map((at) => frames.find((frame) => frame.at >= at).at - at), takeover};
	} finally {
		session.write('q');
		await session.kill();
	}
}

const rows = [];
try {
	for (const [label, env] of [
		['CI unset', cleanEnv()],
		['CI=true', cleanEnv({CI: 'true'})],
	]) {
		for (const pace of paces) {
			const app = [];
			const baseline = [];
			const takeovers = [];
			for (let session = 0; session < sessions; session++) {
				baseline.push(...(await measure([echo], pace.interval, env, false)).latencies);
				const measured = await measure([cliPath], pace.interval, env, true);
				app.push(...measured.latencies);
				takeovers.push(measured.takeover);
			}

			const p95 = percentile(app, 0.95);
			rows.push({
				env: label,
				pace: pace.label,
				'app median': median(app),
				'app p95': p95,
				'app max': Math.max(...app),
				'first key': median(takeovers),
				'echo p95': percentile(baseline, 0.95),
				'p95 ÷ echo': p95 / percentile(baseline, 0.95),
				goal: verdict(p95, pace.goal),
			});
		}
	}
} finally {
	rmSync(folder, {recursive: true, force: true});
}

printTable(
	`Keypress → next frame (ms), ${keys} arrow keys × ${sessions} sessions, ${size.cols}×${size.rows} pty (${cliPath}); first key: ↓ typed as the first frame lands → the menu moved (median)`,
	rows,
);
