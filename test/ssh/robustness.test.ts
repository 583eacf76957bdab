// What a hostile or careless visitor can do must never take the server down: absurd window sizes,
// random bytes, vanishing mid-frame. And a restart says goodbye to everyone.
import {randomBytes} from 'node:crypto';
import {createConnection} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {killAll, spawnTerminal, terminalEnv, type TerminalSession} from '../e2e/pty-terminal.mjs';
import {sshArgs, startServe, stopAll, type Served} from './helpers/serve.js';
import {hasFirstFrame, visit, type Visitor} from './helpers/visitor.js';

let served: Served;
beforeAll(async () => {
	served = await startServe(['--rate-per-address', '1000', '--max-per-address', '100']);
});
afterAll(async () => {
	await killAll();
	await stopAll();
});

/** The widest row and the lowest row the Screen addressed (CSI row;1H) in the output. */
function extent(output: string): {readonly rows: number; readonly rule: number} {
	const rows = [...output.matchAll(/\u001B\[(\d+);1H/g)].map((match) => Number(match[1]));
	const rules = [...output.matchAll(/─+/g)].map((match) => match[0].length);
	return {rows: Math.max(...rows), rule: Math.max(...rules)};
}

/** The server still serves: a new visitor gets a first frame. */
async function stillServes(): Promise<void> {
	const visitor = await visit(served.port, {user: 'check'});
	await visitor.waitFor(hasFirstFrame, 'a first frame after the abuse');
	visitor.client.end();
}

const noInternalErrors = (): void => {
	expect(served.logs().filter((line) => line.includes('internal error'))).toEqual([]);
};

describe('the server survives', () => {
	it('a 0×0 window (read as 80×24) and a 65535×65535 one (capped at 300×100), and resizes between them', async () => {
		const visitor = await visit(served.port, {user: 'sizes', pty: {cols: 0, rows: 0}});
		await visitor.waitFor(hasFirstFrame, 'the first frame');
		expect(extent(visitor.output())).toEqual({rows: 24, rule: 80});

		let mark = visitor.output().length;
		visitor.channel.setWindow(65_535, 65_535, 0, 0);
		await visitor.waitFor((output) => output.length > mark && hasFirstFrame(output.slice(mark)), 'a frame for the huge window');
		expect(extent(visitor.output().slice(mark))).toEqual({rows: 100, rule: 300});

		mark = visitor.output().length;
		visitor.channel.setWindow(0, 0, 0, 0);
		await visitor.waitFor((output) => output.length > mark && hasFirstFrame(output.slice(mark)), 'a frame for 0×0');
		expect(extent(visitor.output().slice(mark)).rule).toBe(80);
		visitor.channel.write('q');
		expect(await visitor.closed).toBe(0);
		visitor.client.end();
	});

	it('10 KB of random bytes on stdin', async () => {
		const visitors = await Promise.all([1, 2, 3].map(async (index) => visit(served.port, {user: `noise-${index}`})));
		await Promise.all(visitors.map(async (visitor) => visitor.waitFor(hasFirstFrame, 'the first frame')));
		const [burst, trickle, utf8] = visitors as [Visitor, Visitor, Visitor];
		burst.channel.write(randomBytes(10 * 1024));
		for (let offset = 0; offset < 10 * 1024; offset += 7) {
			trickle.channel.write(randomBytes(7));
		}

		// Broken UTF-8 and half escape sequences on their own.
		utf8.channel.write(Buffer.from([0xe2, 0x82, 0x1b, 0x5b, 0xf0, 0x9f, 0x1b, 0x5b, 0x31, 0x3b, 0xff, 0xfe]));
		for (const visitor of visitors) {
			visitor.client.end();
		}

		await Promise.all(visitors.map(async (_visitor, index) => served.waitForLog((line) => line.includes(`user="noise-${index + 1}"`), 'the log line')));
		await stillServes();
		noInternalErrors();
	});

	it('a client streaming keys: past the per-address key budget they are dropped', async () => {
		const flooder = await visit(served.port, {user: 'flood'});
		await flooder.waitFor(hasFirstFrame, 'the first frame');
		// 20 000 keys, each of which would cost a render.
		for (let chunk = 0; chunk < 20; chunk++) {
			flooder.channel.write('jk'.repeat(500));
		}

		flooder.client.end();
		expect(await served.waitForLog((line) => line.includes('user="flood"'), 'the log line')).toMatch(/ refused=keys-over-budget$/);
		await stillServes();
		noInternalErrors();
	});

	it('clients that vanish mid-frame', async () => {
		const visitors = await Promise.all(
			Array.from({length: 20}, async (_, index) => visit(served.port, {user: `vanish-${index}`, pty: {cols: 300, rows: 100}})),
		);
		// Gone at the first bytes of the first frame, before the rest of it is sent.
		await Promise.all(
			visitors.map(async (visitor) => {
				await visitor.waitFor((output) => output.length > 0, 'the first bytes');
				visitor.client.destroy();
			}),
		);
		await Promise.all(visitors.map(async (_visitor, index) => served.waitForLog((line) => line.includes(`user="vanish-${index}"`), 'the log line')));
		await stillServes();
		noInternalErrors();
	});

	it('a raw TCP client that sends garbage instead of SSH', async () => {
		const socket = createConnection({host: '127.0.0.1', port: served.port});
		socket.on('error', () => {});
		socket.resume();
		socket.write(randomBytes(4096));
		await new Promise((resolve) => socket.once('close', resolve));
		expect(await served.waitForLog((line) => line.includes('end=no-handshake'), 'the log line')).toContain(' in=4096B ');
		await stillServes();
		noInternalErrors();
	});
});

describe('a restart', () => {
	it('tells every visitor, closes everything within 5 s and exits 0', async () => {
		const restarting = await startServe();
		const sessions: TerminalSession[] = ['one', 'two'].map((user) =>
			spawnTerminal({
				file: 'sh',
				args: ['-c', 'ssh "$@"; echo "[ssh exit $?]"; read -r line', 'sh', ...sshArgs(restarting.port), '-tt', `${user}@127.0.0.1`],
				cols: 80,
				rows: 24,
				env: terminalEnv(),
			}),
		);
		await Promise.all(sessions.map(async (session) => session.waitFor((terminal) => terminal.text().includes('❯ About'), {what: 'the first frame'})));
		// And one still in the handshake.
		const handshaking = createConnection({host: '127.0.0.1', port: restarting.port});
		handshaking.on('error', () => {});
		await new Promise((resolve) => handshaking.once('data', resolve));

		const started = Date.now();
		const exit = await restarting.stop('SIGTERM');
		expect(exit).toEqual({code: 0, signal: null});
		expect(Date.now() - started).toBeLessThan(5000);
		for (const session of sessions) {
			await session.waitFor((terminal) => terminal.bufferLines('normal').some((line) => line.startsWith('[ssh exit')), {what: "ssh's exit"});
			expect(session.bufferLines('normal')).toContain('The server is restarting; please reconnect in a moment.');
			expect(session.isAlternateScreen()).toBe(false);
		}

		expect(restarting.logs().filter((line) => line.includes('end=server-restarting'))).toHaveLength(3);
	});

	it('on SIGINT too', async () => {
		const restarting = await startServe();
		const visitor = await visit(restarting.port, {user: 'interrupted'});
		await visitor.waitFor(hasFirstFrame, 'the first frame');
		expect(await restarting.stop('SIGINT')).toEqual({code: 0, signal: null});
		await visitor.waitFor((output) => output.includes('The server is restarting; please reconnect in a moment.\r\n'), 'the goodbye');
		// The goodbye comes after leaving the full screen, so it lands on the visitor's own screen.
		expect(visitor.output().indexOf('\u001B[?1049l')).toBeLessThan(visitor.output().indexOf('The server is restarting'));
		expect(await visitor.closed).toBe(0);
	});
});
