// `balakumaran serve` under load, beside a bare ssh2 server that only writes one line per shell
// (bench/ssh/bare-server.mjs, the handshake floor), both on loopback, in the same run:
//   - connect → first frame, p50/p95, with 50 visitors connecting at once;
//   - resident memory per added session, up to SESSIONS (1000) held at once;
//   - CPU while those sessions sit idle, minute by minute (the goal holds in every minute): the
//     first minute after the last key holds the apps' unmounting (`--unmount-after`, 10 s) and
//     V8's one-off collections of what the burst built (its memory reducer), the second is the
//     steady state; and RSS once they have sat idle;
//   - and, for ours, how long a SIGTERM takes to say goodbye to all of them.
// Then the same through HAProxy (deploy/haproxy.cfg, Debian's haproxy) in front of two
// `serve --proxy-protocol` instances, visitors coming from 100 loopback addresses: connect →
// first frame against the direct connection in the same rounds, and RSS per session held.
// Goals (2 cores): 1000 sessions held; ≤ 1 MB RSS per added session; p95 ≤ 1.3× the bare
// server's; idle CPU ≤ 1 % of a core at 1000 sessions; no MaxListenersExceededWarning.
// Bounded: SESSIONS (default 1000), ROUNDS latency rounds (default 5), IDLE_SECONDS (default 120,
// two minutes), about 10 minutes in all.
import {spawn} from 'node:child_process';
import {existsSync, readFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import ssh2 from 'ssh2';
import {cliPath, median, percentile, printTable, verdict} from './lib/stats.mjs';

const sessions = Number(process.env.SESSIONS ?? 1000);
const rounds = Number(process.env.ROUNDS ?? 5);
const idleSeconds = Number(process.env.IDLE_SECONDS ?? 120);
const burst = 50;
/** Server processes started, killed on the way out whatever happens. */
const children = new Set();
const deadline = setTimeout(() => {
	console.error('ssh-load: gave up after 15 minutes');
	for (const child of children) {
		child.kill('SIGKILL');
	}

	process.exit(1);
}, 15 * 60_000);
deadline.unref();

const folder = mkdtempSync(path.join(os.tmpdir(), 'balakumaran-ssh-bench-'));
const keyPath = path.join(folder, 'key');
const balancedKeyPath = path.join(folder, 'balanced-key');
const bareServer = fileURLToPath(new URL('ssh/bare-server.mjs', import.meta.url));

/** The environment the servers run in: this workplace's extra CA file costs every Node start ~45 ms. */
const serverEnv = {...process.env, NODE_OPTIONS: ''};
delete serverEnv.NODE_EXTRA_CA_CERTS;

/** Starts a server process and resolves once it says which port it listens on. */
async function startServer(name, args) {
	const child = spawn(process.execPath, args, {stdio: ['ignore', 'ignore', 'pipe'], env: serverEnv});
	children.add(child);
	let stderr = '';
	const port = await new Promise((resolve, reject) => {
		child.stderr.setEncoding('utf8').on('data', (chunk) => {
			stderr += chunk;
			const match = /listening on (?:[\d.]+:)?(\d+)/.exec(stderr);
			if (match) {
				resolve(Number(match[1]));
			}
		});
		child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${stderr}`)));
	});
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({code, signal})));
	return {name, child, port, exited, stderr: () => stderr};
}

/** VmRSS of a process, in MB. */
function residentMegabytes(pid) {
	const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return Number(match?.[1] ?? Number.NaN) / 1024;
}

/** User + system CPU seconds a process has used (clock ticks are 1/100 s on Linux). */
function cpuSeconds(pid) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Connects, opens a 100×30 shell and resolves once its first frame is in: for ours, the end of the
 * Screen's first synchronized update; for the bare server, its one line.
 */
async function openSession(server, localAddress = '127.0.0.1') {
	const started = performance.now();
	const client = new ssh2.Client();
	const closed = new Promise((resolve) => client.once('close', resolve));
	client.on('error', () => {});
	await new Promise((resolve, reject) => {
		client.once('ready', resolve);
		client.once('error', reject);
		client.connect({host: '127.0.0.1', port: server.port, localAddress, username: 'bench', readyTimeout: 60_000});
	});
	const channel = await new Promise((resolve, reject) => {
		client.shell({cols: 100, rows: 30, term: 'xterm-256color', height: 0, width: 0}, (error, opened) => (error ? reject(error) : resolve(opened)));
	});
	channel.on('error', () => {});
	let output = '';
	const waiters = new Set();
	channel.on('data', (chunk) => {
		output += chunk.toString('latin1');
		// Answer the app's terminal query (DA1) as a real terminal would.
		if (chunk.includes('\u001B[c')) {
			channel.write('\u001B[?62;22c');
		}

		for (const wake of waiters) {
			wake();
		}
	});
	const frames = () => output.split('\u001B[?2026l').length - 1 + (output.includes('Balakumaran Kannan\r\n') ? 1 : 0);
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
	return {client, channel, closed, waitForFrames, ms: performance.now() - started};
}

async function closeAll(opened) {
	for (const {client} of opened) {
		client.end();
	}

	await Promise.all(opened.map(async ({closed}) => closed));
}

/** Visitors through HAProxy come from 127.0.1.1 … 127.0.1.100, so `balance source` spreads them. */
const visitorAddress = (server, index) => (server.isBalancer ? `127.0.1.${1 + (index % 100)}` : '127.0.0.1');
let visitorCount = 0;

/** `burst` visitors connecting at once; their connect → first frame times. */
async function latencyRound(server) {
	const opened = await Promise.all(Array.from({length: burst}, async () => openSession(server, visitorAddress(server, visitorCount++))));
	await closeAll(opened);
	return opened.map(({ms}) => ms);
}

/**
 * Opens `sessions` sessions, `burst` at a time, then presses a key in each (which mounts our app;
 * until then a session only shows the shared first frame). Returns them open, with RSS figures.
 */
async function holdSessions(server) {
	// One visit first (to each instance behind a balancer), so code is compiled and the first
	// frame cached: the steady state.
	await closeAll(await Promise.all(Array.from({length: server.isBalancer ? 8 : 1}, async (_, index) => openSession(server, visitorAddress(server, index)))));
	const opened = [];
	const rss = {start: serverMegabytes(server)};
	while (opened.length < sessions) {
		const count = Math.min(burst, sessions - opened.length);
		opened.push(...(await Promise.all(Array.from({length: count}, async () => openSession(server, visitorAddress(server, visitorCount++))))));
	}

	rss.looking = serverMegabytes(server);
	for (let index = 0; index < opened.length; index += burst) {
		await Promise.all(
			opened.slice(index, index + burst).map(async (session) => {
				session.channel.write('j');
				// The bare server answers nothing; ours paints the moved cursor.
				await (server === bare ? undefined : session.waitForFrames(2));
			}),
		);
	}

	rss.moved = serverMegabytes(server);
	return {opened, rss};
}

const progress = (message) => {
	process.stderr.write(`  … ${message}\n`);
};

/** RSS of a server, or of the instances behind a balancer together (HAProxy's own not counted). */
const serverMegabytes = (server) => (server.instances ?? [server]).reduce((sum, instance) => sum + residentMegabytes(instance.child.pid), 0);

/** CPU (% of one core) in each minute of `idleSeconds`, measured in 10-second slices. */
async function idleCpu(server) {
	const slices = [];
	for (let slice = 0; slice < idleSeconds / 10; slice++) {
		const before = cpuSeconds(server.child.pid);
		const started = performance.now();
		await new Promise((resolve) => setTimeout(resolve, 10_000));
		slices.push({cpu: cpuSeconds(server.child.pid) - before, seconds: (performance.now() - started) / 1000});
	}

	const minutes = [];
	for (let index = 0; index < slices.length; index += 6) {
		const minute = slices.slice(index, index + 6);
		minutes.push((100 * minute.reduce((sum, {cpu}) => sum + cpu, 0)) / minute.reduce((sum, {seconds}) => sum + seconds, 0));
	}

	return {minutes, slices: slices.map(({cpu, seconds}) => (100 * cpu) / seconds)};
}

/** HAProxy on deploy/haproxy.cfg in front of two `serve --proxy-protocol` instances. */
async function startBalanced() {
	const args = ourArgs.map((arg) => (arg === keyPath ? balancedKeyPath : arg));
	const instances = await Promise.all([0, 1].map(async () => startServer('instance', [...args, '--proxy-protocol', '--trusted-proxy', '127.0.0.1'])));
	const port = await new Promise((resolve) => {
		const probe = net.createServer().listen(0, '127.0.0.1', () => {
			const {port: free} = probe.address();
			probe.close(() => resolve(free));
		});
	});
	let config = readFileSync(new URL('../deploy/haproxy.cfg', import.meta.url), 'utf8');
	for (const [from, to] of [
		['bind [::]:22 v4v6', `bind 127.0.0.1:${port}`],
		['server ssh1 127.0.0.1:2201 ', `server ssh1 127.0.0.1:${instances[0].port} `],
		['server ssh2 127.0.0.1:2202 ', `server ssh2 127.0.0.1:${instances[1].port} `],
	]) {
		if (config.split(from).length !== 2) {
			throw new Error(`"${from}" is not in deploy/haproxy.cfg once`);
		}

		config = config.replace(from, to);
	}

	writeFileSync(path.join(folder, 'haproxy.cfg'), config);
	const child = spawn(existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy', ['-f', path.join(folder, 'haproxy.cfg'), '-db'], {stdio: 'ignore'});
	children.add(child);
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({code, signal})));
	// Ready once it accepts a connection (each try waits for its own refusal).
	for (;;) {
		const isOpen = await new Promise((resolve) => {
			const socket = net.connect({host: '127.0.0.1', port, localAddress: '127.0.2.1'});
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (isOpen) {
			break;
		}

		if (child.exitCode !== null) {
			throw new Error('haproxy exited');
		}
	}

	return {name: 'through HAProxy, 2 instances', isBalancer: true, child, port, exited, instances};
}

const ourArgs = [
	cliPath,
	'serve',
	'--host',
	'127.0.0.1',
	'--port',
	'0',
	'--host-key',
	keyPath,
	'--max-sessions',
	String(sessions + burst),
	'--max-per-address',
	String(sessions + burst),
	'--rate-per-address',
	'1000000',
	'--key-rate',
	'1000000',
];
let ours = await startServer('balakumaran serve', ourArgs);
let bare = await startServer('bare ssh2 server', [bareServer, keyPath]);
let balanced = await startBalanced();
const results = {ours: {latencies: []}, bare: {latencies: []}, balanced: {latencies: []}};
try {
	// Warm-up (not counted): code compiled, caches filled.
	for (const server of [ours, bare, balanced]) {
		progress(`warming up ${server.name}`);
		await latencyRound(server);
	}

	// Alternating, so all see the same background load.
	for (let round = 0; round < rounds; round++) {
		progress(`latency round ${round + 1} of ${rounds}`);
		results.ours.latencies.push(...(await latencyRound(ours)));
		results.bare.latencies.push(...(await latencyRound(bare)));
		results.balanced.latencies.push(...(await latencyRound(balanced)));
	}

	// Memory from fresh processes: a heap already grown by the bursts above would hide the cost.
	for (const server of [ours, bare, ...balanced.instances]) {
		server.child.kill('SIGKILL');
		await server.exited;
	}

	balanced.child.kill('SIGTERM');
	await balanced.exited;
	progress(`holding ${sessions} sessions through HAProxy`);
	balanced = await startBalanced();
	const heldThrough = await holdSessions(balanced);
	results.balanced.rss = heldThrough.rss;
	await closeAll(heldThrough.opened);
	for (const server of [balanced, ...balanced.instances]) {
		server.child.kill('SIGKILL');
		await server.exited;
	}

	ours = await startServer('balakumaran serve', ourArgs);
	bare = await startServer('bare ssh2 server', [bareServer, keyPath]);
	for (const [name, server] of [
		['ours', ours],
		['bare', bare],
	]) {
		progress(`holding ${sessions} sessions on ${server.name}`);
		const held = await holdSessions(server);
		const result = results[name];
		result.rss = held.rss;
		progress(`idle for ${idleSeconds} s`);
		result.cpu = await idleCpu(server);
		result.rss.quiet = serverMegabytes(server);
		if (server === ours) {
			// Goodbye to everyone at once: the restart path with a full house.
			const started = performance.now();
			server.child.kill('SIGTERM');
			result.exit = await server.exited;
			result.shutdownMs = performance.now() - started;
		}

		await closeAll(held.opened);
	}
} finally {
	for (const child of children) {
		child.kill('SIGKILL');
	}

	rmSync(folder, {recursive: true, force: true});
}

const summary = ({latencies, rss, cpu}) => ({
	p50: median(latencies),
	p95: percentile(latencies, 0.95),
	rss,
	looking: (rss.looking - rss.start) / sessions,
	moved: (rss.moved - rss.start) / sessions,
	cpu,
});

const our = summary(results.ours);
const floor = summary(results.bare);
const through = summary(results.balanced);
const ratio = our.p95 / floor.p95;
const warnings = (ours.stderr().match(/MaxListenersExceededWarning/g) ?? []).length;
const restartLines = (ours.stderr().match(/end=server-restarting/g) ?? []).length;
printTable(`connect → first frame, ${burst} connecting at once (${rounds} rounds, ms)`, [
	{server: ours.name, p50: our.p50, p95: our.p95, 'p95 vs bare': `${ratio.toFixed(2)}×`, goal: verdict(Number(ratio.toFixed(2)), 1.3)},
	{server: bare.name, p50: floor.p50, p95: floor.p95},
]);
printTable(`resident memory (MB) of a fresh server, ${sessions} sessions held`, [
	{
		server: ours.name,
		'at start': our.rss.start,
		[`${sessions} looking`]: our.rss.looking,
		[`after a key each`]: our.rss.moved,
		[`after ${idleSeconds} s idle`]: our.rss.quiet,
		'per session, looking': our.looking,
		'per session, after a key': our.moved,
		'per session, idle': (our.rss.quiet - our.rss.start) / sessions,
		goal: verdict(Number(our.moved.toFixed(2)), 1),
	},
	{
		server: bare.name,
		'at start': floor.rss.start,
		[`${sessions} looking`]: floor.rss.looking,
		[`after a key each`]: floor.rss.moved,
		[`after ${idleSeconds} s idle`]: floor.rss.quiet,
		'per session, looking': floor.looking,
		'per session, after a key': floor.moved,
		'per session, idle': (floor.rss.quiet - floor.rss.start) / sessions,
	},
]);
const minuteColumns = (cpu) => Object.fromEntries(cpu.minutes.map((value, index) => [`minute ${index + 1}`, value]));
// The goal holds only if it holds in every minute, the first one after the keys included.
const worst = Math.max(...our.cpu.minutes);
printTable(`idle CPU with ${sessions} sessions (after a key each), minute by minute after the last key (% of one core)`, [
	{server: ours.name, ...minuteColumns(our.cpu), 'worst minute': worst, goal: verdict(Number(worst.toFixed(2)), 1)},
	{server: bare.name, ...minuteColumns(floor.cpu)},
]);
console.log(`  10-second slices, ours: ${our.cpu.slices.map((value) => value.toFixed(1)).join(' ')}`);
console.log(`  10-second slices, bare: ${floor.cpu.slices.map((value) => value.toFixed(1)).join(' ')}`);
printTable(`through HAProxy (send-proxy-v2) in front of 2 instances, against the direct connection in the same rounds`, [
	{
		path: 'direct (ours)',
		p50: our.p50,
		p95: our.p95,
	},
	{
		path: balanced.name,
		p50: through.p50,
		p95: through.p95,
		'p95 vs direct': `${(through.p95 / our.p95).toFixed(2)}×`,
		[`${sessions} held, MB (both instances)`]: through.rss.moved,
		'per session, after a key': through.moved,
		goal: verdict(Number(through.moved.toFixed(2)), 1),
	},
]);
const {exit, shutdownMs} = results.ours;
printTable('SIGTERM with every session open', [
	{
		sessions,
		'goodbyes logged': restartLines,
		'exit code': exit.code ?? exit.signal,
		ms: shutdownMs,
		goal: verdict(Math.round(shutdownMs), 5000),
		MaxListenersExceededWarning: warnings,
	},
]);
clearTimeout(deadline);
if (restartLines < sessions || warnings > 0 || exit.code !== 0) {
	process.exitCode = 1;
}
