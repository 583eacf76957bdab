// Sessions at /session on the built server: who may open one (Origin), what a page may send,
// and the limits, counted together with SSH connections.
import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ssh, startServe, stopAll, type Served} from '../ssh/helpers/serve.js';
import {hasFirstFrame, visit} from '../ssh/helpers/visitor.js';
import {hasFrame, openSocket, webVisit} from './helpers/web-visitor.js';

let served: Served;
beforeAll(async () => {
	served = await startServe(['--web-port', '0', '--rate-per-address', '1000', '--max-per-address', '100']);
});
afterAll(async () => {
	await stopAll();
});

/** The upgrade's status, 101 when it opened. */
async function upgradeStatus(port: number, options: Parameters<typeof openSocket>[1]): Promise<number> {
	const opened = await openSocket(port, options);
	if ('visitor' in opened) {
		opened.visitor.socket.close();
		return 101;
	}

	return opened.status;
}

describe('the Origin rule', () => {
	it("opens for the page's own origin (http:// or https:// its Host), and refuses any other with 403", async () => {
		const port = served.webPort;
		expect(await upgradeStatus(port, {})).toBe(101);
		expect(await upgradeStatus(port, {origin: `https://127.0.0.1:${port}`})).toBe(101);
		expect(await upgradeStatus(port, {origin: null})).toBe(403);
		expect(await upgradeStatus(port, {origin: 'null'})).toBe(403);
		expect(await upgradeStatus(port, {origin: 'https://evil.example'})).toBe(403);
		expect(await upgradeStatus(port, {origin: `http://127.0.0.1:${port}.evil.example`})).toBe(403);
		expect(await upgradeStatus(port, {origin: `http://127.0.0.1:${port + 1}`})).toBe(403);
		// The Host names the origin: a page reached as resume.example may open its own sessions.
		expect(await upgradeStatus(port, {origin: 'https://resume.example', host: 'resume.example'})).toBe(101);
		expect(await upgradeStatus(port, {origin: 'https://resume.example', host: 'other.example'})).toBe(403);
	});

	it('with --web-origin, opens for those origins only', async () => {
		const strict = await startServe(['--web-port', '0', '--web-origin', 'https://resume.example', '--web-origin', 'http://localhost:8080']);
		const port = strict.webPort;
		expect(await upgradeStatus(port, {origin: 'https://resume.example'})).toBe(101);
		expect(await upgradeStatus(port, {origin: 'http://localhost:8080'})).toBe(101);
		expect(await upgradeStatus(port, {})).toBe(403);
		expect(await upgradeStatus(port, {origin: 'https://resume.example', host: 'resume.example:1'})).toBe(101);
		expect(await upgradeStatus(port, {origin: 'http://resume.example'})).toBe(403);
		expect((await strict.stop()).code).toBe(0);
	});
});

describe('a session', () => {
	it('sends the first frame after the first resize, at that size, and ends with q (1000)', async () => {
		const visitor = await webVisit(served.webPort, {theme: 'dark'});
		visitor.resize(90, 26);
		await visitor.waitFor(hasFrame, 'the first frame');
		expect(visitor.output()).toContain('Balakumaran Kannan');
		expect(visitor.output()).toContain('\u001B[?1049h');
		// Colour and OSC 8 hyperlinks: a browser's terminal has both.
		expect(visitor.output()).toMatch(/\u001B\[(?:1;)?3\dm/);
		expect(visitor.output()).toContain('\u001B]8;;mailto:kumaran.4353@gmail.com');
		visitor.keys('j');
		visitor.keys('\r');
		await visitor.waitFor((output) => output.includes('System Engineer'), 'the Experience section');
		visitor.keys('q');
		expect(await visitor.closed).toEqual({code: 1000, reason: 'quit'});
		expect(visitor.output().endsWith('\u001B[?1049l')).toBe(true);
		const line = await served.waitForLog((entry) => entry.includes('end=quit via=web'), "the session's log line");
		expect(line).toMatch(/^\S+Z 127\.0\.0\.1:\d+ user=- duration=\d+\.\d+s in=\d+B out=\d+B end=quit via=web$/);
	});

	it('re-lays the app out on a resize, clamping sizes to what the app lays out', async () => {
		const visitor = await webVisit(served.webPort);
		visitor.resize(0, 0);
		await visitor.waitFor(hasFrame, 'the first frame');
		visitor.resize(5000, 5000);
		visitor.keys('j');
		await visitor.waitFor((output) => output.includes('Experience'), 'a frame at the capped size');
		const lastFrame = visitor.output().slice(visitor.output().lastIndexOf('\u001B[?2026h'));
		expect(lastFrame).toContain('\u001B[100;1H');
		expect(lastFrame).not.toContain('\u001B[101;1H');
		visitor.socket.close();
	});

	it.each([
		['a binary first message', (send: (data: string | Buffer) => void) => send(Buffer.from('j')), 1008],
		['malformed JSON', (send: (data: string | Buffer) => void) => send('{"type":"resize",'), 1008],
		['another type', (send: (data: string | Buffer) => void) => send('{"type":"paste","text":"x"}'), 1008],
		['an extra field', (send: (data: string | Buffer) => void) => send('{"type":"resize","cols":80,"rows":24,"x":1}'), 1008],
		['a size that is not a number', (send: (data: string | Buffer) => void) => send('{"type":"resize","cols":"80","rows":24}'), 1008],
		['JSON that is not an object', (send: (data: string | Buffer) => void) => send('[1,2]'), 1008],
		['a message over 4 KiB', (send: (data: string | Buffer) => void) => send(Buffer.alloc(4097, 0x6a)), 1009],
	])('is closed on %s', async (_what, sendBad, code) => {
		const visitor = await webVisit(served.webPort);
		sendBad((data) => visitor.socket.send(data));
		expect((await visitor.closed).code).toBe(code);
	});

	it('is closed on a bad message after a good start too, and over 4 KiB of keys at once', async () => {
		const visitor = await webVisit(served.webPort);
		visitor.resize(80, 24);
		await visitor.waitFor(hasFrame, 'the first frame');
		visitor.socket.send('{"type":"resize","cols":80}');
		expect((await visitor.closed).code).toBe(1008);
		const flooding = await webVisit(served.webPort);
		flooding.resize(80, 24);
		await flooding.waitFor(hasFrame, 'the first frame');
		flooding.keys('j'.repeat(5000));
		expect((await flooding.closed).code).toBe(1009);
	});

	it('runs in the server process: no child process, and the server carries on after each', async () => {
		const visitor = await webVisit(served.webPort);
		visitor.resize(80, 24);
		await visitor.waitFor(hasFrame, 'the first frame');
		visitor.keys('j');
		await visitor.waitFor((output) => output.includes('System Engineer'), 'the app');
		const pid = served.child.pid ?? 0;
		expect(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()).toBe('');
		visitor.keys('\u0003');
		expect((await visitor.closed).code).toBe(1000);
		expect(served.child.exitCode).toBeNull();
	});
});

describe('the limits, shared with SSH', () => {
	it('counts SSH and web connections from one address together (--max-per-address)', async () => {
		const limited = await startServe(['--web-port', '0', '--max-per-address', '2', '--rate-per-address', '100']);
		const sshVisitor = await visit(limited.port, {user: 'first'});
		await sshVisitor.waitFor(hasFirstFrame, 'a frame');
		const web = await webVisit(limited.webPort);
		web.resize(80, 24);
		await web.waitFor(hasFrame, 'a frame');
		const over = await webVisit(limited.webPort);
		const message = 'Too many connections from your address (2 at once); please close one and try again.';
		expect(await over.closed).toEqual({code: 1013, reason: message});
		expect(over.output()).toBe(`${message}\r\n`);
		// And an SSH visitor is refused while a web session holds the other place.
		expect(await ssh(limited.port, [], ['about'], {user: 'third'})).toEqual({status: 1, stdout: '', stderr: `${message}\n`});
		web.socket.close();
		await limited.waitForLog((line) => line.includes('end=client-closed via=web'), "the web session's end");
		const again = await webVisit(limited.webPort);
		again.resize(80, 24);
		await again.waitFor(hasFrame, 'a frame once a place is free');
		expect(limited.logs().some((line) => line.endsWith('end=address-limit via=web'))).toBe(true);
		sshVisitor.client.end();
		again.socket.close();
		expect((await limited.stop()).code).toBe(0);
	});

	it('counts both in --max-sessions, and new web sessions in --rate-per-address', async () => {
		const limited = await startServe(['--web-port', '0', '--max-sessions', '1', '--rate-per-address', '3']);
		const sshVisitor = await visit(limited.port, {user: 'only'});
		await sshVisitor.waitFor(hasFirstFrame, 'a frame');
		const busy = await webVisit(limited.webPort);
		expect((await busy.closed).reason).toBe('The résumé server has all the visitors it can take right now; please try again in a minute.');
		sshVisitor.client.end();
		await limited.waitForLog((line) => line.includes('user="only"'), 'the SSH visit ends');
		const third = await webVisit(limited.webPort);
		third.resize(80, 24);
		await third.waitFor(hasFrame, 'a frame');
		third.socket.close();
		const fourth = await webVisit(limited.webPort);
		expect(await fourth.closed).toEqual({code: 1013, reason: 'Too many new connections from your address (more than 3 a minute); please wait a minute and try again.'});
		expect((await limited.stop()).code).toBe(0);
	});

	it('times out a page that sends no resize (--login-timeout), an idle one (--idle-timeout) and a long one (--max-session)', async () => {
		const limited = await startServe(['--web-port', '0', '--login-timeout', '0.5', '--idle-timeout', '1', '--max-session', '2.5']);
		const silent = await webVisit(limited.webPort);
		expect(await silent.closed).toEqual({code: 1008, reason: 'No resize within 0.5 seconds.'});
		const idle = await webVisit(limited.webPort);
		idle.resize(80, 24);
		await idle.waitFor(hasFrame, 'a frame');
		expect(await idle.closed).toEqual({code: 1001, reason: 'Closed after 1 second without a key press. Come back any time.'});
		expect(idle.output()).toMatch(/\u001B\[\?1049lClosed after 1 second without a key press\. Come back any time\.\r\n$/);
		const busy = await webVisit(limited.webPort);
		busy.resize(80, 24);
		await busy.waitFor(hasFrame, 'a frame');
		const typing = setInterval(() => {
			busy.keys('j');
		}, 200);
		const closed = await busy.closed;
		clearInterval(typing);
		expect(closed).toEqual({code: 1001, reason: 'This visit reached its 2.5 seconds limit. Come back any time.'});
		for (const reason of ['login-timeout', 'idle-timeout', 'session-time-limit']) {
			await limited.waitForLog((line) => line.endsWith(`end=${reason} via=web`), reason);
		}

		expect((await limited.stop()).code).toBe(0);
	});

	it('drops keys over --key-rate, for SSH and web sessions of one address together', async () => {
		const limited = await startServe(['--web-port', '0', '--key-rate', '5']);
		const web = await webVisit(limited.webPort);
		web.resize(80, 24);
		await web.waitFor(hasFrame, 'a frame');
		web.keys('j'.repeat(40));
		web.socket.close();
		const line = await limited.waitForLog((entry) => entry.includes('via=web'), 'the log line');
		expect(line).toContain('refused=keys-over-budget');
		expect((await limited.stop()).code).toBe(0);
	});

	it('tells every web visitor the server is restarting on SIGTERM (1012), and exits 0', async () => {
		const limited = await startServe(['--web-port', '0']);
		const visitors = await Promise.all([webVisit(limited.webPort), webVisit(limited.webPort)]);
		for (const visitor of visitors) {
			visitor.resize(80, 24);
			await visitor.waitFor(hasFrame, 'a frame');
		}

		const exit = limited.stop();
		for (const visitor of visitors) {
			expect(await visitor.closed).toEqual({code: 1012, reason: 'The server is restarting; please reconnect in a moment.'});
		}

		expect((await exit).code).toBe(0);
	});
});
