// Each limit, hit for real: a polite line, then the connection closes; the server carries on.
import {createConnection} from 'node:net';
import {afterAll, describe, expect, it} from 'vitest';
import {killAll, spawnTerminal, terminalEnv, type TerminalSession} from '../e2e/pty-terminal.mjs';
import {ssh, sshArgs, startServe, stopAll, type Served} from './helpers/serve.js';
import {hasFirstFrame, visit} from './helpers/visitor.js';

afterAll(async () => {
	await killAll();
	await stopAll();
});

/** `ssh -tt` in a pty under a shell that prints its exit status afterwards (see session.test.ts). */
function sshInTerminal(served: Served, user: string): TerminalSession {
	return spawnTerminal({
		file: 'sh',
		args: ['-c', 'ssh "$@"; echo "[ssh exit $?]"; read -r line', 'sh', ...sshArgs(served.port), '-tt', `${user}@127.0.0.1`],
		cols: 100,
		rows: 30,
		env: terminalEnv(),
	});
}

async function sshExit(session: TerminalSession): Promise<number> {
	const match = await session.waitFor((terminal) => /\[ssh exit (\d+)\]/.exec(terminal.bufferLines('normal').join('\n')), {what: "ssh's exit"});
	return Number(match[1]);
}

const logOf = async (served: Served, user: string): Promise<string> =>
	served.waitForLog((line) => line.includes(` user="${user}" `), `the log line of ${user}`);

describe('the limits', () => {
	it('tells a visitor over the per-address cap, and lets them in once a connection closes', async () => {
		const served = await startServe(['--max-per-address', '2', '--rate-per-address', '100']);
		const [first, second] = await Promise.all([visit(served.port, {user: 'first'}), visit(served.port, {user: 'second'})]);
		await Promise.all([first.waitFor(hasFirstFrame, 'a frame'), second.waitFor(hasFirstFrame, 'a frame')]);
		expect(await ssh(served.port, [], ['about'], {user: 'third'})).toEqual({
			status: 1,
			stdout: '',
			stderr: 'Too many connections from your address (2 at once); please close one and try again.\n',
		});
		expect(await logOf(served, 'third')).toMatch(/ end=address-limit$/);
		first.client.end();
		await logOf(served, 'first');
		expect((await ssh(served.port, [], ['about'], {user: 'fourth'})).status).toBe(0);
		second.client.end();
		expect((await served.stop()).code).toBe(0);
	});

	it('tells a visitor over the per-address rate, and drops a flood before the handshake', async () => {
		const served = await startServe(['--rate-per-address', '2']);
		const results = [];
		for (let index = 0; index < 5; index++) {
			// One at a time, so the order is the order of arrival.
			results.push(await ssh(served.port, [], ['about'], {user: `visit-${index}`}));
		}

		expect(results.map((result) => result.status)).toEqual([0, 0, 1, 1, 255]);
		expect(results[2]?.stderr).toBe('Too many new connections from your address (more than 2 a minute); please wait a minute and try again.\n');
		expect(await served.waitForLog((line) => line.includes('end=dropped:flood'), 'the dropped connection')).toContain('user=-');
		expect((await served.stop()).code).toBe(0);
	});

	it('tells a visitor when the server is full', async () => {
		const served = await startServe(['--max-sessions', '1']);
		const holder = await visit(served.port, {user: 'holder'});
		await holder.waitFor(hasFirstFrame, 'a frame');
		expect(await ssh(served.port, ['-T'], [], {user: 'late'})).toEqual({
			status: 1,
			stdout: 'The résumé server has all the visitors it can take right now; please try again in a minute.\n',
			stderr: '',
		});
		expect(await logOf(served, 'late')).toMatch(/ end=busy$/);
		holder.client.end();
		expect((await served.stop()).code).toBe(0);
	});

	it('closes a connection that does not log in within the login timeout', async () => {
		const served = await startServe(['--login-timeout', '0.3']);
		const socket = createConnection({host: '127.0.0.1', port: served.port});
		let received = '';
		socket.setEncoding('utf8').on('data', (chunk: string) => {
			received += chunk;
		});
		// Says nothing after connecting: no version line, no key exchange.
		await new Promise((resolve) => socket.once('close', resolve));
		expect(received).toMatch(/^SSH-2\.0-balakumaran\r\n/);
		const line = await served.waitForLog((entry) => entry.includes('end=login-timeout'), 'the timed-out connection');
		expect(Number(/duration=([\d.]+)s/.exec(line)?.[1])).toBeGreaterThanOrEqual(0.3);
		expect((await served.stop()).code).toBe(0);
	});

	it('says goodbye to an idle visitor, leaving their terminal as it was', async () => {
		const served = await startServe(['--idle-timeout', '0.5']);
		const session = sshInTerminal(served, 'idle');
		await session.waitFor((terminal) => terminal.text().includes('❯ About'), {what: 'the first frame'});
		expect(await sshExit(session)).toBe(0);
		expect(session.isAlternateScreen()).toBe(false);
		expect(session.isCursorVisible()).toBe(true);
		expect(session.bufferLines('normal')).toContain('Closed after 0.5 seconds without a key press. Come back any time.');
		expect(await logOf(served, 'idle')).toMatch(/ end=idle-timeout$/);
		expect((await served.stop()).code).toBe(0);
	});

	it('ends a visit at the session time limit, however busy', async () => {
		const served = await startServe(['--max-session', '0.5']);
		const session = sshInTerminal(served, 'long');
		await session.waitFor((terminal) => terminal.text().includes('❯ About'), {what: 'the first frame'});
		expect(await sshExit(session)).toBe(0);
		expect(session.bufferLines('normal')).toContain('This visit reached its 0.5 seconds limit. Come back any time.');
		expect(await logOf(served, 'long')).toMatch(/ end=session-time-limit$/);
		expect((await served.stop()).code).toBe(0);
	});
});
