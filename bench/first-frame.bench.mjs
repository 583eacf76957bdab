// Time to the first complete frame (the whole home screen painted) in a 100×30 pseudo-terminal,
// against `node -e 0` and against a script that only console.logs the same home screen, run in
// turn in the same rounds. Goal: ≤ 1.5× the console.log script. Measured without and with CI=true.
import process from 'node:process';
import {captureHomeScreen, cpuMilliseconds, size, writeHomeScreenScripts} from './lib/home-screen.mjs';
import {cliPath, median, printTable, runs, verdict} from './lib/stats.mjs';
import {cleanEnv, spawnInTerminal} from './lib/terminal.mjs';

const rounds = runs(15);
// Goals: ≤ 1.3× where the terminal answers, ≤ 1.5× where it answers nothing.
const goalFor = (label) => (label === 'silent terminal' ? 1.5 : 1.3);

/**
 * Milliseconds from spawn to the first frame end (or to exit, for a program that draws none), and
 * the CPU time the program had used by then.
 */
async function timeToFirstFrame(args, env, {isFrameless = false, check, isSilent = false} = {}) {
	const session = spawnInTerminal(process.execPath, args, {...size, env, isSilent});
	try {
		if (isFrameless) {
			const exit = await session.exit;
			return {wall: exit.at, cpu: Number.NaN};
		}

		const frame = await session.frameAfter(0, {what: 'the first frame'});
		const cpu = await cpuMilliseconds(session.pid);
		await check?.(session);
		return {wall: frame.at, cpu};
	} finally {
		await session.kill();
	}
}

const home = await captureHomeScreen(cliPath);
const scripts = writeHomeScreenScripts(home.bytes);
const lastRow = home.screen.at(-1);
const isComplete = async (session) => {
	const screen = await session.screen();
	if (screen[0] !== home.screen[0] || screen.at(-1) !== lastRow) {
		throw new Error(`first frame is not the whole home screen:\n${screen.join('\n')}`);
	}
};

const rows = [];
try {
	for (const [label, env, isSilent] of [
		['CI unset', cleanEnv(), false],
		['CI=true', cleanEnv({CI: 'true'}), false],
		// A terminal that answers neither OSC 11 nor DA1.
		['silent terminal', cleanEnv(), true],
	]) {
		const times = {nodeE0: [], script: [], app: []};
		for (let round = 0; round < rounds; round++) {
			times.nodeE0.push(await timeToFirstFrame(['-e', '0'], env, {isFrameless: true}));
			// The waiting variant draws the same way and stays alive for /proc to be read.
			times.script.push(await timeToFirstFrame([scripts.printAndWait], env));
			times.app.push(await timeToFirstFrame([cliPath], env, {check: isComplete, isSilent}));
		}

		const wall = (name) => median(times[name].map((time) => time.wall));
		const cpu = (name) => median(times[name].map((time) => time.cpu));
		const app = wall('app');
		const appCpu = cpu('app');
		rows.push(
			{env: label, program: 'node -e 0 (exit)', 'median ms': wall('nodeE0'), 'app ÷ this': app / wall('nodeE0'), 'CPU ms': '', 'CPU ratio': '', goal: ''},
			{
				env: label,
				program: 'console.log home screen',
				'median ms': wall('script'),
				'app ÷ this': app / wall('script'),
				'CPU ms': cpu('script'),
				'CPU ratio': appCpu / cpu('script'),
				goal: verdict(app / wall('script'), goalFor(label)),
			},
			{env: label, program: 'balakumaran (first frame)', 'median ms': app, 'app ÷ this': 1, 'CPU ms': appCpu, 'CPU ratio': 1, goal: ''},
		);
	}
} finally {
	scripts.remove();
}

printTable(`First complete frame, ${size.cols}×${size.rows} pty, median of ${rounds} (${cliPath})`, rows);
