// Everything the server turns down, asked for by the real OpenSSH client: subsystems (sftp),
// forwarding of every kind, agent and X11 forwarding, stray env, a second session.
import {spawn, type ChildProcess} from 'node:child_process';
import {createConnection, createServer, type Socket} from 'node:net';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {killAll, spawnTerminal, terminalEnv} from '../e2e/pty-terminal.mjs';
import {cleanEnv, ssh, sshArgs, startServe, stopAll, type Served} from './helpers/serve.js';

let served: Served;
const children = new Set<ChildProcess>();
beforeAll(async () => {
	served = await startServe(['--rate-per-address', '1000', '--max-per-address', '100']);
});
afterAll(async () => {
	for (const child of children) {
		child.kill('SIGKILL');
	}

	await killAll();
	await stopAll();
});

/** The log line of the connection made as `user` (each test logs in under its own name). */
const logOf = async (user: string): Promise<string> => served.waitForLog((line) => line.includes(` user="${user}" `), `the log line of ${user}`);

type Running = {
	readonly child: ChildProcess;
	readonly stderr: () => string;
	/** Resolves once ssh's stderr (debug output included) matches. */
	readonly waitForStderr: (pattern: RegExp) => Promise<void>;
};

/** A long-running ssh (e.g. `-N -L …`) at debug level, so the test can tell when it is ready. */
function sshRunning(extra: readonly string[], user: string, env = cleanEnv()): Running {
	const child = spawn('ssh', [...sshArgs(served.port, 'DEBUG1'), ...extra, `${user}@127.0.0.1`], {env, stdio: ['ignore', 'ignore', 'pipe']});
	children.add(child);
	let stderr = '';
	const waiters = new Set<() => void>();
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
		for (const wake of waiters) {
			wake();
		}
	});
	return {
		child,
		stderr: () => stderr,
		waitForStderr: async (pattern) =>
			new Promise((resolve, reject) => {
				const check = (): void => {
					if (pattern.test(stderr)) {
						waiters.delete(check);
						resolve();
					}
				};

				waiters.add(check);
				child.once('exit', () => {
					if (waiters.delete(check)) {
						reject(new Error(`ssh exited before ${String(pattern)}:\n${stderr}`));
					}
				});
				check();
			}),
	};
}

/** Connects, optionally writes, and resolves with what came back once the other side closes. */
async function connectAndCollect(target: {port: number} | {path: string}, send?: Buffer): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const socket: Socket = 'port' in target ? createConnection({host: '127.0.0.1', port: target.port}) : createConnection(target.path);
		const chunks: Buffer[] = [];
		socket.on('connect', () => {
			if (send) {
				socket.write(send);
			}
		});
		socket.on('data', (chunk) => chunks.push(chunk));
		socket.on('error', reject);
		socket.on('close', () => {
			resolve(Buffer.concat(chunks));
		});
	});
}

const freePort = async (): Promise<number> =>
	new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				resolve(typeof address === 'object' && address ? address.port : 0);
			});
		});
	});

const prohibited = /open failed: administratively prohibited/;
// ssh logs "Local forwarding listening on …" before it binds; the channel exists once it listens.
const listening = /new (port|unix)-listener/;

describe('the server refuses', () => {
	it('the sftp subsystem (ssh -s … sftp, and sftp itself)', async () => {
		const result = await ssh(served.port, ['-s'], ['sftp'], {user: 'sftp-s'});
		expect(result.status).toBe(255);
		expect(result.stderr).toContain('subsystem request failed');
		expect(await logOf('sftp-s')).toContain('refused=subsystem');

		const sftp = spawn('sftp', ['-F', '/dev/null', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-P', String(served.port), '-b', '-', 'sftp@127.0.0.1'], {
			env: cleanEnv(),
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		sftp.stdin.end('ls\n');
		let stderr = '';
		sftp.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		const status = await new Promise<number | null>((resolve) => sftp.once('close', resolve));
		expect(status).not.toBe(0);
		expect(stderr).toContain('Connection closed');
	});

	it('any other subsystem', async () => {
		const result = await ssh(served.port, ['-s'], ['netconf'], {user: 'subsystem'});
		expect(result.status).toBe(255);
		expect(result.stderr).toContain('subsystem request failed');
		expect(await logOf('subsystem')).toContain('refused=subsystem');
	});

	it('stdio forwarding (ssh -W), a direct-tcpip channel', async () => {
		const result = await ssh(served.port, ['-W', '127.0.0.1:22'], [], {user: 'stdio-forward'});
		expect(result.status).toBe(255);
		expect(result.stderr).toContain('stdio forwarding failed');
	});

	it('local forwarding (ssh -L): the forwarded connection is closed unanswered', async () => {
		const port = await freePort();
		const running = sshRunning(['-N', '-L', `127.0.0.1:${port}:127.0.0.1:22`], 'local-forward');
		await running.waitForStderr(listening);
		expect((await connectAndCollect({port})).length).toBe(0);
		await running.waitForStderr(prohibited);
		running.child.kill();
	});

	it('dynamic forwarding (ssh -D): a SOCKS5 CONNECT gets nowhere', async () => {
		const port = await freePort();
		const running = sshRunning(['-N', '-D', `127.0.0.1:${port}`], 'dynamic-forward');
		await running.waitForStderr(listening);
		// SOCKS5: no authentication; CONNECT 127.0.0.1:22.
		const reply = await connectAndCollect({port}, Buffer.from([5, 1, 0, 5, 1, 0, 1, 127, 0, 0, 1, 0, 22]));
		expect([...reply.subarray(0, 2)]).toEqual([5, 0]);
		expect(reply.length).toBeLessThanOrEqual(2);
		await running.waitForStderr(prohibited);
		running.child.kill();
	});

	it('remote forwarding (ssh -R), a tcpip-forward request', async () => {
		const result = await ssh(served.port, ['-N', '-o', 'ExitOnForwardFailure=yes', '-R', '0:127.0.0.1:22'], [], {user: 'remote-forward'});
		expect(result.status).toBe(255);
		expect(result.stderr).toContain('remote port forwarding failed for listen port 0');
		expect(await logOf('remote-forward')).toContain('refused=tcpip-forward');
	});

	it('Unix socket forwarding both ways (streamlocal)', async () => {
		const remote = await ssh(served.port, ['-N', '-o', 'ExitOnForwardFailure=yes', '-R', `${join(served.dir, 'remote.sock')}:127.0.0.1:22`], [], {user: 'streamlocal-r'});
		expect(remote.status).toBe(255);
		expect(remote.stderr).toContain('remote port forwarding failed for listen path');
		expect(await logOf('streamlocal-r')).toContain('refused=streamlocal-forward@openssh.com');

		const path = join(served.dir, 'local.sock');
		const running = sshRunning(['-N', '-L', `${path}:/run/anything.sock`], 'streamlocal-l');
		await running.waitForStderr(listening);
		expect((await connectAndCollect({path})).length).toBe(0);
		await running.waitForStderr(prohibited);
		running.child.kill();
	});

	it('agent forwarding (ssh -A), and the session goes on without it', async () => {
		// Something listening at SSH_AUTH_SOCK, so the client does ask to forward it.
		const agentPath = join(served.dir, 'agent.sock');
		let agentConnections = 0;
		const agent = createServer((socket) => {
			agentConnections++;
			socket.destroy();
		});
		await new Promise<void>((resolve) => agent.listen(agentPath, resolve));
		const result = await ssh(served.port, ['-A'], ['about'], {user: 'agent', env: cleanEnv({SSH_AUTH_SOCK: agentPath})});
		agent.close();
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('ABOUT');
		expect(await logOf('agent')).toContain('refused=agent-forwarding');
		// The client looked for keys there; that it connected shows it was set to forward it.
		expect(agentConnections).toBeGreaterThan(0);
	});

	it('X11 forwarding (ssh -X)', async () => {
		const result = await ssh(served.port, ['-X', '-o', 'ForwardX11Trusted=yes'], ['about'], {user: 'x11', env: cleanEnv({DISPLAY: ':7'})});
		expect(result.stderr).toContain('X11 forwarding request failed');
		expect(result.status).toBe(0);
		expect(await logOf('x11')).toContain('refused=x11');
	});

	it('env other than TERM, LANG, LC_*, NO_COLOR and COLORTERM', async () => {
		const result = await ssh(
			served.port,
			['-o', 'SetEnv=LD_PRELOAD=/tmp/evil.so LANG=C.UTF-8 LC_ALL=C.UTF-8 COLORTERM=truecolor PATH=/tmp'],
			['about'],
			{user: 'env'},
		);
		expect(result.status).toBe(0);
		expect(await logOf('env')).toContain('refused=env');
	});

	it('a second session channel on one connection (ssh multiplexing)', async () => {
		const control = join(served.dir, 'control');
		const master = sshRunning(['-N', '-M', '-S', control, '-o', 'ControlPersist=no'], 'multiplexed');
		// Listening on the control socket only once logged in; before that a client would connect on its own.
		await master.waitForStderr(/new mux listener/);
		const first = spawnTerminal({
			file: 'ssh',
			args: [...sshArgs(served.port), '-S', control, '-tt', 'multiplexed@127.0.0.1'],
			cols: 100,
			rows: 30,
			env: terminalEnv(),
		});
		await first.waitFor((terminal) => terminal.text().includes('❯ About'), {what: 'the first session'});
		// ProxyCommand=false: when the master's session request fails, ssh would otherwise open a
		// connection of its own and get in that way.
		const second = await ssh(served.port, ['-S', control, '-o', 'ProxyCommand=false'], ['text'], {user: 'multiplexed'});
		expect(second.status).toBe(255);
		expect(second.stdout).toBe('');
		expect(second.stderr).toContain('Session open refused by peer');
		first.press('q');
		expect(await logOf('multiplexed')).toMatch(/end=quit refused=second-session$/);
		master.child.kill();
	});
});
