// Resident memory once the first frame is in (VmRSS of the node process, from /proc), in a 100×30
// pseudo-terminal, against a script beside it that console.logs the same home screen and waits;
// and again once the Ink app has taken over (a first key has moved the menu). Goal: ≤ 60 MB.
import process from 'node:process';
import {captureHomeScreen, firstKeyAfterFirstFrame, residentMegabytes, size, writeHomeScreenScripts} from './lib/home-screen.mjs';
import {cliPath, median, printTable, runs, verdict} from './lib/stats.mjs';
import {cleanEnv, spawnInTerminal} from './lib/terminal.mjs';

const rounds = runs(7);
const goal = 60;

async function rssAfterFirstFrame(file, env, isApp) {
	const session = spawnInTerminal(process.execPath, [file], {...size, env});
	try {
		await session.frameAfter(0, {what: 'the first frame'});
		const first = await residentMegabytes(session.pid);
		if (!isApp) {
			return first;
		}

		await firstKeyAfterFirstFrame(session);
		return {first, running: await residentMegabytes(session.pid)};
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
		const running = [];
		const baseline = [];
		for (let round = 0; round < rounds; round++) {
			baseline.push(await rssAfterFirstFrame(scripts.printAndWait, env, false));
			const measured = await rssAfterFirstFrame(cliPath, env, true);
			app.push(measured.first);
			running.push(measured.running);
		}

		rows.push({
			env: label,
			'console.log script MB': median(baseline),
			'balakumaran MB': median(app),
			'app ÷ script': median(app) / median(baseline),
			goal: verdict(median(app), goal),
			'after a key MB': median(running),
			'goal after a key': verdict(median(running), goal),
		});
	}
} finally {
	scripts.remove();
}

printTable(`RSS after the first frame, and once the Ink app has answered a key, median of ${rounds} (${cliPath})`, rows);
