// `serve --proxy-protocol`, spoken to directly as a balancer would: the visitor a header names is
// the one limited and logged; a bad, late or missing header, or one from an untrusted address,
// gets the connection closed before the server sends a byte; health checks are answered quietly.
// (haproxy.test.ts puts the real HAProxy in front.)
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {v1Header, v2Header, v2Local, rawConnection} from './helpers/proxy.js';
import {startServe, stopAll, type Served} from './helpers/serve.js';
import {hasFirstFrame, visit} from './helpers/visitor.js';

let served: Served;
beforeAll(async () => {
	served = await startServe(['--proxy-protocol', '--trusted-proxy', '127.0.0.1', '--login-timeout', '1', '--max-per-address', '1']);
});
afterAll(async () => {
	await stopAll();
});

const timestamp = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`;
const logOf = async (user: string): Promise<string> => served.waitForLog((line) => line.includes(` user="${user}" `), `the log line of ${user}`);

describe('serve --proxy-protocol', () => {
	it('says so at start, naming the balancers it trusts', () => {
		expect(served.logs()).toContain('balakumaran serve: PROXY protocol required, from 127.0.0.1 only');
	});

	it('limits and logs the visitor a trusted header names, never the balancer', async () => {
		const first = await visit(served.port, {user: 'first', proxyHeader: v2Header({address: '203.0.113.9', port: 40_000})});
		await first.waitFor(hasFirstFrame, 'the first frame');
		// Same visitor (through v1 this time), over --max-per-address 1: told so.
		const second = await visit(served.port, {user: 'second', proxyHeader: v1Header({address: '203.0.113.9', port: 40_001})});
		await second.closed;
		expect(second.output()).toContain('Too many connections from your address (1 at once); please close one and try again.');
		// Another visitor through the same balancer is let in.
		const third = await visit(served.port, {user: 'third', proxyHeader: v1Header({address: '198.51.100.4', port: 51_514})});
		await third.waitFor(hasFirstFrame, 'the first frame');
		first.client.end();
		third.client.end();
		expect(await logOf('second')).toMatch(new RegExp(String.raw`^${timestamp} 203\.0\.113\.9:40001 user="second" duration=\S+ in=\d+B out=\d+B end=address-limit$`));
		expect(await logOf('first')).toMatch(new RegExp(String.raw`^${timestamp} 203\.0\.113\.9:40000 user="first" .* end=client-closed$`));
		expect(await logOf('third')).toMatch(new RegExp(String.raw`^${timestamp} 198\.51\.100\.4:51514 user="third" .* end=client-closed$`));
		expect(served.logs().filter((line) => line.includes('127.0.0.1:') && !line.startsWith('balakumaran serve:'))).toEqual([]);
	});

	it('hands the bytes that came in the same packet as the header on to SSH', async () => {
		// The helper writes the header and the client's version line as one.
		const visitor = await visit(served.port, {user: 'same-packet', pty: false, proxyHeader: v1Header({address: '192.0.2.44', port: 5555})});
		await visitor.closed;
		expect(visitor.output()).toContain('Balakumaran Kannan');
		visitor.client.end();
		expect(await logOf('same-packet')).toMatch(new RegExp(String.raw`^${timestamp} 192\.0\.2\.44:5555 user="same-packet" .* end=printed$`));
	});

	it('answers health checks (v2 LOCAL, v1 UNKNOWN) with its version line, counts and logs none', async () => {
		const before = served.logs().length;
		const checks = await Promise.all(
			Array.from({length: 12}, async (_, index) => rawConnection(served.port, index % 2 === 0 ? v2Local : Buffer.from('PROXY UNKNOWN\r\n'))),
		);
		expect(await Promise.all(checks.map(async (check) => check.closed))).toEqual(Array.from({length: 12}, () => 'SSH-2.0-balakumaran\r\n'));
		// The next line logged is the next visitor's: the checks left none.
		const after = await visit(served.port, {user: 'after-checks', pty: false, proxyHeader: v2Header({address: '192.0.2.80', port: 1})});
		await after.closed;
		after.client.end();
		const line = await logOf('after-checks');
		expect(line).toMatch(/ 192\.0\.2\.80:1 user="after-checks" .* end=printed$/);
		expect(served.logs().slice(before)).toEqual([line]);
	});

	it.each([
		['no header (an SSH client, directly)', Buffer.from('SSH-2.0-OpenSSH_9.2p1\r\n'), {}, 'no-header'],
		['a malformed v1 header', Buffer.from('PROXY TCP4 203.0.113.300 127.0.0.1 1 22\r\n'), {}, 'malformed'],
		['a v1 header without its CRLF in 107 bytes', Buffer.from(`PROXY TCP4 ${'1'.repeat(120)}`), {}, 'oversized'],
		['a v2 header declaring 64 KB', Buffer.concat([v2Local.subarray(0, 14), Buffer.from([0xff, 0xff])]), {}, 'oversized'],
		['a v2 header for UDP', Buffer.from([...v2Local.subarray(0, 12), 0x21, 0x12, 0, 12, ...Array.from({length: 12}, () => 1)]), {}, 'unsupported'],
		['half a header, then the end of the connection', v1Header({address: '203.0.113.5', port: 1}).subarray(0, 20), {end: true}, 'incomplete'],
		['nothing, then the end of the connection', Buffer.alloc(0), {end: true}, 'no-header'],
	])('closes a connection with %s, unanswered, and logs why', async (_name, bytes, options, reason) => {
		const connection = await rawConnection(served.port, bytes, options);
		expect(await connection.closed).toBe('');
		const line = await served.waitForLog((entry) => entry.includes(` 127.0.0.1:${connection.localPort} `), 'the log line');
		expect(line).toMatch(new RegExp(String.raw`^${timestamp} 127\.0\.0\.1:${connection.localPort} user=- duration=\S+ in=\d+B out=0B end=proxy:${reason}$`));
	});

	it.each([
		['half a header', v2Header({address: '203.0.113.5', port: 1}).subarray(0, 20)],
		['nothing', Buffer.alloc(0)],
	])('closes a connection that sends %s within the login timeout, unanswered', async (_name, bytes) => {
		const connection = await rawConnection(served.port, bytes);
		expect(await connection.closed).toBe('');
		const line = await served.waitForLog((entry) => entry.includes(` 127.0.0.1:${connection.localPort} `), 'the log line');
		expect(line).toMatch(new RegExp(String.raw` in=${bytes.length}B out=0B end=proxy:timeout$`));
		expect(Number(/duration=([\d.]+)s/.exec(line)?.[1])).toBeGreaterThanOrEqual(1);
	});

	it('never reads a header from an untrusted address: closed at once, logged with the real peer', async () => {
		const forged = Buffer.concat([v1Header({address: '198.51.100.99', port: 4444}), Buffer.from('SSH-2.0-OpenSSH_9.2p1\r\n')]);
		const connection = await rawConnection(served.port, forged, {localAddress: '127.0.0.2'});
		expect(await connection.closed).toBe('');
		const line = await served.waitForLog((entry) => entry.includes(` 127.0.0.2:${connection.localPort} `), 'the log line');
		expect(line).toMatch(new RegExp(String.raw`^${timestamp} 127\.0\.0\.2:${connection.localPort} user=- duration=\S+ in=0B out=0B end=proxy:untrusted$`));
		expect(served.logs().join('\n')).not.toContain('198.51.100.99');
	});
});
