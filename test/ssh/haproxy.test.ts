// The production recipe, for real: HAProxy on deploy/haproxy.cfg (its addresses and ports filled
// in) in front of two `serve --proxy-protocol` instances sharing one host key, and the OpenSSH
// client coming through it from two addresses.
import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {connect as connectTcp, createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {v1Header, rawConnection} from './helpers/proxy.js';
import {cleanEnv, ssh, sshArgs, startServe, stopAll, type Served} from './helpers/serve.js';
import {hasFirstFrame} from './helpers/visitor.js';

const dir = mkdtempSync(join(tmpdir(), 'balakumaran-haproxy-'));
const running = new Set<ChildProcess>();
afterAll(async () => {
	for (const child of running) {
		child.kill('SIGKILL');
	}

	await stopAll();
	rmSync(dir, {recursive: true, force: true});
});

/** The recipe with `from` → `to` for each pair, each found exactly once. */
function fillIn(config: string, replacements: ReadonlyArray<readonly [string, string]>): string {
	let filled = config;
	for (const [from, to] of replacements) {
		expect(filled.split(from), `"${from}" in deploy/haproxy.cfg`).toHaveLength(2);
		filled = filled.replace(from, to);
	}

	return filled;
}

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise((resolve) => server.close(resolve));
	return typeof address === 'object' && address ? address.port : 0;
}

/** Tries connecting from here until HAProxy listens: a visitor the instances log, and are told to ignore. */
const probeAddress = '127.0.0.9';

/** Resolves once `port` accepts a connection (each try waits for its own refusal). */
async function accepting(port: number, child: ChildProcess): Promise<void> {
	for (;;) {
		expect(child.exitCode, 'haproxy exited').toBeNull();
		const isOpen = await new Promise<boolean>((resolve) => {
			const socket = connectTcp({host: '127.0.0.1', port, localAddress: probeAddress});
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => {
				resolve(false);
			});
		});
		if (isOpen) {
			return;
		}
	}
}

type HeldSession = {readonly child: ChildProcess; readonly output: () => string; readonly waitFor: (predicate: (output: string) => boolean, what: string) => Promise<void>};

/** `ssh -tt` from `bindAddress`, kept open, its output collected. */
function holdSession(port: number, bindAddress: string, user: string, knownHosts: string): HeldSession {
	const child = spawn('ssh', [...sshArgs(port, 'ERROR', knownHosts), '-tt', '-o', `BindAddress=${bindAddress}`, `${user}@127.0.0.1`], {
		env: cleanEnv({TERM: 'xterm-256color'}),
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	running.add(child);
	child.once('exit', () => running.delete(child));
	let output = '';
	const watchers = new Set<() => void>();
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
		output += chunk;
		for (const watch of watchers) {
			watch();
		}
	});
	child.stderr?.resume();
	return {
		child,
		output: () => output,
		waitFor: async (predicate, what) =>
			new Promise((resolve, reject) => {
				const check = (): void => {
					if (predicate(output)) {
						watchers.delete(check);
						resolve();
					}
				};

				child.once('exit', () => {
					if (watchers.delete(check)) {
						reject(new Error(`ssh exited before ${what}; output:\n${output.slice(-1000)}`));
					}
				});
				watchers.add(check);
				check();
			}),
	};
}

const visitLines = (served: Served): string[] => served.logs().filter((line) => /^\d{4}-\d\d-\d\dT/.test(line) && !line.includes(` ${probeAddress}:`));
const fingerprintOf = (served: Served): string | undefined => /host key .* (SHA256:\S+)$/.exec(served.logs().find((line) => line.includes(' host key ')) ?? '')?.[1];

describe('HAProxy in front of two instances', () => {
	it('relays visitors by their own address to instances with one key, and keeps serving while one restarts', async () => {
		// Two instances started at once on one key file that does not exist yet.
		const keyPath = join(dir, 'keys', 'ssh_host_ed25519_key');
		const args = ['--proxy-protocol', '--trusted-proxy', '127.0.0.1', '--max-per-address', '5', '--rate-per-address', '100'];
		const instances = await Promise.all([startServe(args, {keyPath}), startServe(args, {keyPath})]);
		const fingerprints = instances.map((served) => fingerprintOf(served));
		const keygen = execFileSync('ssh-keygen', ['-lf', keyPath], {encoding: 'utf8'}).split(' ')[1];
		expect(fingerprints).toEqual([keygen, keygen]);
		expect(instances.filter((served) => served.logs().some((line) => line.includes(`host key ${keyPath} (new) `)))).toHaveLength(1);

		const port = await freePort();
		const [first, second] = instances as [Served, Served];
		const config = fillIn(readFileSync(new URL('../../deploy/haproxy.cfg', import.meta.url), 'utf8'), [
			['bind [::]:22 v4v6', `bind 127.0.0.1:${port}`],
			['server ssh1 127.0.0.1:2201 ', `server ssh1 127.0.0.1:${first.port} `],
			['server ssh2 127.0.0.1:2202 ', `server ssh2 127.0.0.1:${second.port} `],
		]);
		writeFileSync(join(dir, 'haproxy.cfg'), config);
		const haproxy = spawn(existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy', ['-f', join(dir, 'haproxy.cfg'), '-db'], {stdio: ['ignore', 'pipe', 'pipe']});
		running.add(haproxy);
		haproxy.stdout.resume();
		haproxy.stderr.resume();
		await accepting(port, haproxy);

		// Clients check the key: the same for whichever instance answers.
		const knownHosts = join(dir, 'known_hosts');
		writeFileSync(knownHosts, `[127.0.0.1]:${port} ${execFileSync('ssh-keygen', ['-y', '-f', keyPath], {encoding: 'utf8'})}`);
		const from = (address: string): string[] => ['-o', `BindAddress=${address}`];
		for (const address of ['127.0.0.2', '127.0.0.3']) {
			const result = await ssh(port, from(address), ['about'], {user: `hello-${address}`, knownHosts});
			expect(result.stderr).toBe('');
			expect(result.stdout).toMatch(/^ABOUT\n/);
		}

		const logged = async (user: string): Promise<{readonly served: Served; readonly line: string}> =>
			Promise.any(instances.map(async (served) => ({served, line: await served.waitForLog((line) => line.includes(` user="${user}" `), `the log line of ${user}`)})));
		const hello = await logged('hello-127.0.0.2');
		expect(hello.line).toMatch(/ 127\.0\.0\.2:\d+ user="hello-127\.0\.0\.2" .* end=exec:about$/);
		expect((await logged('hello-127.0.0.3')).line).toMatch(/ 127\.0\.0\.3:\d+ user="hello-127\.0\.0\.3" .* end=exec:about$/);

		// Five sessions held from 127.0.0.2 (balance source: all on one instance) fill its share.
		const held = Array.from({length: 5}, (_, index) => holdSession(port, '127.0.0.2', `held-${index + 1}`, knownHosts));
		await Promise.all(held.map(async (session) => session.waitFor(hasFirstFrame, 'the first frame')));
		expect(await ssh(port, from('127.0.0.2'), ['about'], {user: 'sixth', knownHosts})).toEqual({
			status: 1,
			stdout: '',
			stderr: 'Too many connections from your address (5 at once); please close one and try again.\n',
		});
		const other = await ssh(port, from('127.0.0.3'), ['about'], {user: 'still-in', knownHosts});
		expect(other.status).toBe(0);
		expect((await logged('sixth')).line).toMatch(/ 127\.0\.0\.2:\d+ user="sixth" .* end=address-limit$/);
		expect((await logged('still-in')).line).toMatch(/ 127\.0\.0\.3:\d+ user="still-in" .* end=exec:about$/);

		// A header forged by an address that is not the balancer: closed before any banner.
		const target = hello.served;
		const forged = await rawConnection(target.port, Buffer.concat([v1Header({address: '198.51.100.99', port: 4444}), Buffer.from('SSH-2.0-OpenSSH_9.2\r\n')]), {
			localAddress: '127.0.0.2',
		});
		expect(await forged.closed).toBe('');
		expect(await target.waitForLog((line) => line.includes(` 127.0.0.2:${forged.localPort} `), 'the forged connection')).toMatch(
			/ user=- duration=\S+ in=0B out=0B end=proxy:untrusted$/,
		);

		// The instance serving 127.0.0.2 restarts: it stops listening at once, tells its visitor,
		// and HAProxy sends new connections from 127.0.0.2 to the other one.
		for (const session of held.slice(0, 4)) {
			session.child.kill('SIGTERM');
		}

		const survivor = instances.find((served) => served !== target);
		target.child.kill('SIGTERM');
		await target.waitForLog((line) => line.endsWith('SIGTERM: closing every session'), 'the start of the shutdown');
		for (let index = 1; index <= 3; index++) {
			const result = await ssh(port, from('127.0.0.2'), ['about'], {user: `moved-${index}`, knownHosts});
			expect(result.stderr).toBe('');
			expect(result.stdout).toMatch(/^ABOUT\n/);
			expect((await logged(`moved-${index}`)).served).toBe(survivor);
		}

		await held[4]?.waitFor((output) => output.includes('The server is restarting; please reconnect in a moment.'), 'the goodbye');
		expect((await target.exited).code).toBe(0);

		// Every visit was logged once, with the visitor's address, never the balancer's: 2 hellos,
		// 5 held, the sixth, the one still let in, the forgery and 3 moved.
		const lines = instances.flatMap((served) => visitLines(served));
		expect(lines, lines.join("\n")).toHaveLength(13);
		expect(lines.filter((line) => !/^\S+ 127\.0\.0\.[23]:\d+ /.test(line))).toEqual([]);
		haproxy.kill('SIGTERM');
	});
});
