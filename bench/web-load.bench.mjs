// `balakumaran serve --web-port` under load, beside a bare ws server that echoes a session's first
// message (bench/web/bare-server.mjs, the floor), both on loopback, in the same run:
//   - connect → first frame, p50/p95, with 50 pages connecting at once (ours: the first whole
//     frame after the resize; the bare server: its echo of the resize);
//   - resident memory per added web session, WEB_SESSIONS (500) held beside SSH_SESSIONS (500)
//     SSH sessions on one server, looking and after a key each.
// Goals (2 cores): RSS per added web session ≤ 1 MB; p95 ≤ 1.3× the bare server's.
// Bounded: ROUNDS latency rounds (default 5) after a warm-up, RUNS runs (default 3) whose
// medians are reported; about 3 minutes in all. Servers run without NODE_EXTRA_CA_CERTS.
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import ssh2 from 'ssh2';
import {WebSocket} from 'ws';
import {cliPath, median, percentile, printTable, verdict} from './lib/stats.mjs';

const webSessions = Number(process.env.WEB_SESSIONS ?? 500);
const sshSessions = Number(process.env.SSH_SESSIONS ?? 500);
const rounds = Number(process.env.ROUNDS ?? 5);
const runs = Number(process.env.RUNS ?? 3);
const burst = 50;
const children = new Set();
const deadline = setTimeout(() => {
	console.error('web-load: gave up after 8 minutes');
	for (const child of children) {
		child.kill('SIGKILL');
	}

	process.exit(1);
}, 8 * 60_000);
deadline.unref();

const folder = mkdtempSync(path.join(os.tmpdir(), 'balakumaran-web-bench-'));
const keyPath = path.join(folder, 'key');
const bareServer = fileURLToPath(new URL('web/bare-server.mjs', import.meta.url));
const {NODE_EXTRA_CA_CERTS: _ca, NODE_OPTIONS: _options, ...serverEnv} = process.env;

/** Starts a server process; resolves with its ports once it has logged them. */
async function startServer(name, args, pattern) {
	const child = spawn(process.execPath, args, {stdio: ['ignore', 'ignore', 'pipe'], env: serverEnv});
	children.add(child);
	let stderr = '';
	const ports = await new Promise((resolve, reject) => {
		child.stderr.setEncoding('utf8').on('data', (chunk) => {
			stderr += chunk;
			const match = pattern.exec(stderr);
			if (match) {
				resolve(match.slice(1).map(Number));
			}
		});
		child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${stderr}`)));
	});
	const exited = new Promise((resolve) => child.once('exit', resolve));
	return {name, child, ports, exited};
}

const startOurs = async () =>
	startServer(
		'balakumaran serve',
		[
			cliPath, 'serve', '--host', '127.0.0.1', '--port', '0', '--web-port', '0', '--host-key', keyPath,
			'--max-sessions', String(webSessions + sshSessions + burst), '--max-per-address', String(webSessions + sshSessions + burst),
			'--rate-per-address', '1000000', '--key-rate', '1000000',
		],
		/listening on [\d.]+:(\d+);[\s\S]*web page on [\d.]+:(\d+);/,
	);
const startBare = async () => startServer('bare ws echo server', [bareServer], /listening on (\d+)/);

async function stop(server) {
	server.child.kill('SIGKILL');
	await server.exited;
}

function residentMegabytes(pid) {
	const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return Number(match?.[1] ?? Number.NaN) / 1024;
}

/** A page's session: connect, send the size, resolve at the first frame (or the bare echo). */
async function openWeb(port, isBare) {
	const started = performance.now();
	const socket = new WebSocket(`ws://127.0.0.1:${port}/session?theme=dark`, {headers: {Origin: `http://127.0.0.1:${port}`}, perMessageDeflate: false});
	let output = '';
	const waiters = new Set();
	socket.on('message', (data) => {
		output += data.toString('latin1');
		for (const wake of waiters) {
			wake();
		}
	});
	const closed = new Promise((resolve) => socket.once('close', resolve));
	socket.on('error', () => {});
	await new Promise((resolve, reject) => {
		socket.once('open', resolve);
		socket.once('error', reject);
	});
	socket.send(JSON.stringify({type: 'resize', cols: 100, rows: 30}));
	const frames = () => (isBare ? (output === '' ? 0 : 1) : output.split('\u001B[?2026l').length - 1);
	const waitForFrames = async (count) =>
		new Promise((resolve) => {
			const check = () => {
				if (frames() >= count) {
					waiters.delete(check);
					resolve();
				}
			};

			waiters.add(check);
			check();
		});
	await waitForFrames(1);
	return {socket, closed, waitForFrames, ms: performance.now() - started};
}

/** An SSH visitor at 100×30 who has seen the first frame. */
async function openSsh(port) {
	const client = new ssh2.Client();
	const closed = new Promise((resolve) => client.once('close', resolve));
	client.on('error', () => {});
	await new Promise((resolve, reject) => {
		client.once('ready', resolve);
		client.once('error', reject);
		client.connect({host: '127.0.0.1', port, username: 'bench', readyTimeout: 60_000});
	});
	const channel = await new Promise((resolve, reject) => {
		client.shell({cols: 100, rows: 30, term: 'xterm-256color', height: 0, width: 0}, (error, opened) => (error ? reject(error) : resolve(opened)));
	});
	channel.on('error', () => {});
	await new Promise((resolve) => {
		let output = '';
		channel.on('data', (chunk) => {
			output += chunk.toString('latin1');
			if (chunk.includes('\u001B[c')) {
				channel.write('\u001B[?62;22c');
			}

			if (output.includes('\u001B[?2026l')) {
				resolve();
			}
		});
	});
	return {close: () => client.end(), closed};
}

async function inBursts(count, open) {
	const opened = [];
	while (opened.length < count) {
		const size = Math.min(burst, count - opened.length);
		opened.push(...(await Promise.all(Array.from({length: size}, async () => open()))));
	}

	return opened;
}

async function latencyRound(port, isBare) {
	const opened = await Promise.all(Array.from({length: burst}, async () => openWeb(port, isBare)));
	for (const {socket} of opened) {
		socket.close();
	}

	await Promise.all(opened.map(async ({closed}) => closed));
	return opened.map(({ms}) => ms);
}

const progress = (message) => {
	process.stderr.write(`  … ${message}\n`);
};

const results = [];
try {
	for (let run = 0; run < runs; run++) {
		const ours = await startOurs();
		const bare = await startBare();
		const latencies = {ours: [], bare: []};
		progress(`run ${run + 1} of ${runs}: warming up`);
		await latencyRound(ours.ports[1], false);
		await latencyRound(bare.ports[0], true);
		// Alternating, so both see the same background load.
		for (let round = 0; round < rounds; round++) {
			latencies.ours.push(...(await latencyRound(ours.ports[1], false)));
			latencies.bare.push(...(await latencyRound(bare.ports[0], true)));
		}

		await Promise.all([stop(ours), stop(bare)]);
		// Memory on a fresh server: SSH sessions first, then the web sessions whose cost is measured.
		const fresh = await startOurs();
		const [sshPort, webPort] = fresh.ports;
		await latencyRound(webPort, false);
		progress(`run ${run + 1}: holding ${sshSessions} SSH sessions`);
		const sshHeld = await inBursts(sshSessions, async () => openSsh(sshPort));
		const rss = {ssh: residentMegabytes(fresh.child.pid)};
		progress(`run ${run + 1}: adding ${webSessions} web sessions`);
		const webHeld = await inBursts(webSessions, async () => openWeb(webPort, false));
		rss.looking = residentMegabytes(fresh.child.pid);
		for (let index = 0; index < webHeld.length; index += burst) {
			await Promise.all(
				webHeld.slice(index, index + burst).map(async (session) => {
					session.socket.send(Buffer.from('j'));
					await session.waitForFrames(2);
				}),
			);
		}

		rss.moved = residentMegabytes(fresh.child.pid);
		for (const session of webHeld) {
			session.socket.close();
		}

		for (const session of sshHeld) {
			session.close();
		}

		await stop(fresh);
		results.push({
			oursP50: median(latencies.ours),
			oursP95: percentile(latencies.ours, 0.95),
			bareP50: median(latencies.bare),
			bareP95: percentile(latencies.bare, 0.95),
			ratio: percentile(latencies.ours, 0.95) / percentile(latencies.bare, 0.95),
			rss,
			looking: (rss.looking - rss.ssh) / webSessions,
			moved: (rss.moved - rss.ssh) / webSessions,
		});
	}
} finally {
	for (const child of children) {
		child.kill('SIGKILL');
	}

	rmSync(folder, {recursive: true, force: true});
}

const pick = (key) => median(results.map((result) => result[key]));
// Judged as printed, to two decimals.
const ratio = Number(pick('ratio').toFixed(2));
const perSession = Number(pick('moved').toFixed(2));
printTable(`connect → first frame, ${burst} pages connecting at once (${rounds} rounds per run; each run's figure, then the median of ${runs})`, [
	...results.map((result, index) => ({
		run: String(index + 1),
		'ours p50': result.oursP50,
		'ours p95': result.oursP95,
		'bare p50': result.bareP50,
		'bare p95': result.bareP95,
		'p95 ÷ bare': `${result.ratio.toFixed(2)}×`,
	})),
	{run: 'median', 'ours p50': pick('oursP50'), 'ours p95': pick('oursP95'), 'bare p50': pick('bareP50'), 'bare p95': pick('bareP95'), 'p95 ÷ bare': `${ratio.toFixed(2)}×`, goal: verdict(ratio, 1.3)},
]);
printTable(`resident memory (MB): ${webSessions} web sessions added beside ${sshSessions} SSH sessions`, [
	...results.map((result, index) => ({
		run: String(index + 1),
		[`${sshSessions} SSH`]: result.rss.ssh,
		[`+ ${webSessions} web, looking`]: result.rss.looking,
		'after a key each': result.rss.moved,
		'per web session, looking': result.looking,
		'per web session, after a key': result.moved,
	})),
	{run: 'median', 'per web session, looking': pick('looking'), 'per web session, after a key': perSession, goal: verdict(perSession, 1)},
]);
clearTimeout(deadline);
if (ratio > 1.3 || perSession > 1) {
	process.exitCode = 1;
}
