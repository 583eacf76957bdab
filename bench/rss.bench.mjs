// Resident memory once the first frame is in (VmRSS of the node process, from /proc), in a 100×30
// pseudo-terminal, against a script beside it that console.logs the same home screen and waits.
// Goal: ≤ 60 MB.
import process from 'node:process';
import {captureHomeScreen, residentMegabytes, size, writeHomeScreenScripts} from './lib/home-screen.mjs';
import {cliPath, median, printTable, runs, verdict} from './lib/stats.mjs';
import {cleanEnv, spawnInTerminal} from './lib/terminal.mjs';

const rounds = runs(7);
const goal = 60;

async function rssAfterFirstFrame(file, env) {
	const session = spawnInTerminal(process.execPath, [file], {...size, env});
	try {
		await session.frameAfter(0, {what: 'the first frame'});
		return await residentMegabytes(session.pid);
	} finally {
		session.write('q');
		await session.kill();
	}
}

const home = await captureHomeScreen(cliPath);
const scripts = writeHomeScreenScripts(home.bytes);
const rows = [];
try {
	for (const [label, env] of [
		['CI unset', cleanEnv()],
		['CI=true', cleanEnv({CI: 'true'})],
	]) {
		const app = [];
		const baseline = [];
		for (let round = 0; round < rounds; round++) {
			baseline.push(await rssAfterFirstFrame(scripts.printAndWait, env));
			app.push(await rssAfterFirstFrame(cliPath, env));
		}

		rows.push({
			env: label,
			'console.log script MB': median(baseline),
			'balakumaran MB': median(app),
			'app ÷ script': median(app) / median(baseline),
			goal: verdict(median(app), goal),
		});
	}
} finally {
	scripts.remove();
}

printTable(`RSS after the first frame, median of ${rounds} (${cliPath})`, rows);
