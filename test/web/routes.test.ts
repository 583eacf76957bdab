// The web page's HTTP side, served by the built server (`serve --web-port 0`): the routes, the
// headers on every answer, traversal attempts, methods, bodies, and slow or greedy clients.
import {connect, type Socket} from 'node:net';
import {gunzipSync} from 'node:zlib';
import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';
import {startServe, stopAll, type Served} from '../ssh/helpers/serve.js';
import {get, rawRequest, type Answer} from './helpers/http.js';
import {hasFrame, webVisit} from './helpers/web-visitor.js';

const manifest = JSON.parse(readFileSync(new URL('../../dist/web/manifest.json', import.meta.url), 'utf8')) as {script: string; stylesheet: string};

let served: Served;
beforeAll(async () => {
	// The default --max-per-address (5): 16 HTTP connections from one address.
	served = await startServe(['--web-port', '0', '--rate-per-address', '1000']);
});
afterAll(async () => {
	await stopAll();
});

const expectSecurityHeaders = (answer: Answer): void => {
	const csp = answer.headers['content-security-policy'] ?? '';
	expect(csp).toContain("default-src 'self'");
	expect(csp).toContain("script-src 'self'");
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
	expect(answer.headers['x-content-type-options']).toBe('nosniff');
	expect(answer.headers['referrer-policy']).toBe('no-referrer');
};

describe('the routes', () => {
	it('GET / is the résumé as HTML: the `--format html` page with the terminal script and stylesheet', async () => {
		const answer = await get(served.webPort, '/');
		expect(answer.status).toBe(200);
		expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
		expectSecurityHeaders(answer);
		const printed = runCli(['--format', 'html']).stdout;
		const head = `<link rel="icon" href="/favicon.ico"><link rel="stylesheet" href="/assets/${manifest.stylesheet}"><script defer src="/assets/${manifest.script}"></script>`;
		expect(answer.body.toString('utf8')).toBe(printed.replace('</style></head>', `</style>${head}</head>`));
		// No inline script: the only script is a file of the page's own.
		expect(answer.body.toString('utf8').match(/<script[^>]*>/g)).toEqual([`<script defer src="/assets/${manifest.script}">`]);
	});

	it('HEAD / has the headers and no body; a query string is ignored', async () => {
		const head = await rawRequest(served.webPort, `HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
		expect(head.status).toBe(200);
		expect(Number(head.headers['content-length'])).toBeGreaterThan(5000);
		expect((await get(served.webPort, '/?utm_source=mail')).status).toBe(200);
	});

	it('serves the built assets with long cache lifetimes, gzip when asked, and the favicon', async () => {
		const script = await get(served.webPort, `/assets/${manifest.script}`, 'Accept-Encoding: gzip, br\r\n');
		expect(script.status).toBe(200);
		expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
		expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(script.headers['content-encoding']).toBe('gzip');
		expectSecurityHeaders(script);
		expect(gunzipSync(script.body).equals(readFileSync(new URL(`../../dist/web/assets/${manifest.script}`, import.meta.url)))).toBe(true);
		const css = await get(served.webPort, `/assets/${manifest.stylesheet}`);
		expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
		expect(css.headers['content-encoding']).toBeUndefined();
		expect(css.body.toString('utf8')).toContain('.xterm');
		const icon = await get(served.webPort, '/favicon.ico');
		expect(icon.status).toBe(200);
		expect(icon.headers['content-type']).toBe('image/x-icon');
		expect([...icon.body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
		expectSecurityHeaders(icon);
	});

	it.each([
		'/index.html', '/assets/', '/assets', '/assets/nope.js', '/session', '/dist/cli.cjs', '/serve.js', '/manifest.json', '/web/manifest.json',
		'/assets/../serve.js', '/assets/../../package.json', '/assets/..%2f..%2fpackage.json', '/assets/%2e%2e/%2e%2e/package.json',
		'/assets/%2E%2E%2Fserve.js', '/..%2f..%2f..%2fetc%2fpasswd', '/../../../../etc/passwd', '//etc/passwd', '/assets//etc/passwd',
		'/assets/..\\..\\package.json', '/assets/%5c..%5cserve.js', `/assets/${manifest.script}/../../serve.js`, '/favicon.ico/..', '/%00', '/assets/%00.js',
		'http://127.0.0.1/etc/passwd',
	])('GET %s is 404 (or 400), with the headers', async (target) => {
		const answer = await get(served.webPort, target);
		expect([400, 404]).toContain(answer.status);
		if (answer.status === 404) {
			expectSecurityHeaders(answer);
			expect(answer.body.toString('utf8')).toBe('Not found.\n');
		}
	});

	it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'])('%s is 405, naming GET and HEAD', async (method) => {
		const answer = await rawRequest(served.webPort, `${method} / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
		expect(answer.status).toBe(405);
		expect(answer.headers['allow']).toBe('GET, HEAD');
		expectSecurityHeaders(answer);
	});

	it('accepts no request body', async () => {
		const sized = await rawRequest(served.webPort, `GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello`);
		expect(sized.status).toBe(413);
		const chunked = await rawRequest(served.webPort, `GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n`);
		expect(chunked.status).toBe(413);
	});
});

/** Opens a connection from `localAddress` and sends half a request head, or nothing. */
async function hangingClient(port: number, localAddress: string, isSilent = false): Promise<Socket> {
	return new Promise((resolve, reject) => {
		const socket = connect({host: '127.0.0.1', port, localAddress}, () => {
			if (!isSilent) {
				socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow');
			}

			resolve(socket);
		});
		socket.once('error', reject);
	});
}

describe('slow and greedy clients', () => {
	it('drops a client that has not sent its whole request head within 10 s; meanwhile, with 40 hanging, GET / and a new session answer at once', async () => {
		// Forty clients, each from its own loopback address (the per-address cap is tested below),
		// half of them sending part of a request head, half nothing at all.
		const hanging = await Promise.all(Array.from({length: 40}, async (_, index) => hangingClient(served.webPort, `127.0.0.${index + 2}`, index % 2 === 1)));
		const closedAt = hanging.map(
			async (socket) =>
				new Promise<number>((resolve) => {
					socket.on('close', () => {
						resolve(Date.now());
					});
				}),
		);
		const startedAt = Date.now();
		const page = await get(served.webPort, '/');
		expect(page.status).toBe(200);
		// At once: well under a second on a quiet machine; the bound leaves room for a busy one.
		expect(Date.now() - startedAt).toBeLessThan(2000);
		const visitor = await webVisit(served.webPort);
		visitor.resize(100, 30);
		await visitor.waitFor(hasFrame, 'the first frame', 3000);
		expect(Date.now() - startedAt).toBeLessThan(3000);
		visitor.socket.close();
		// Each is dropped after 10 s (Node checks every second here, not every 30 s).
		const times = await Promise.all(closedAt);
		for (const time of times) {
			expect(time - startedAt).toBeGreaterThanOrEqual(9000);
			expect(time - startedAt).toBeLessThan(15_000);
		}
	}, 30_000);

	it('caps the HTTP connections open from one address: the one over it is told so', async () => {
		const open = await Promise.all(Array.from({length: 16}, async () => hangingClient(served.webPort, '127.0.0.99')));
		const over = await rawRequest(served.webPort, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', '127.0.0.99');
		expect(over.status).toBe(429);
		expect(over.body.toString('utf8')).toBe('Too many connections from your address; please close some and try again.\n');
		expectSecurityHeaders(over);
		// Another address is not affected.
		expect((await get(served.webPort, '/')).status).toBe(200);
		for (const socket of open) {
			socket.destroy();
		}

		// Once they have closed, the address has its places back (asked again until the server has
		// seen the closes: each try is a request, not a wait).
		let status = 429;
		for (let attempt = 0; attempt < 200 && status === 429; attempt++) {
			status = (await rawRequest(served.webPort, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', '127.0.0.99')).status;
		}

		expect(status).toBe(200);
	});
});
