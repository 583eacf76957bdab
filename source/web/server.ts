// The web listener beside the SSH one: the page and its files over HTTP (http.ts), and a session
// per WebSocket at /session (socket-session.ts). Sessions are admitted by the server's shared
// ConnectionLimiter and key budgets, so SSH and web visitors count against the same limits; plain
// HTTP has caps of its own (http-limits.ts). One line is logged per session when it closes.
import {createServer, type IncomingMessage} from 'node:http';
import type {Socket} from 'node:net';
import {WebSocketServer, type WebSocket} from 'ws';
import {formatDuration, type Admission} from '../ssh/limits.js';
import {goodbyes} from '../ssh/server.js';
import type {ServerState} from '../ssh/server-state.js';
import {formatVisitLog} from '../ssh/visit-log.js';
import type {ThemeName} from '../view/theme.js';
import {renderHtml, escapeHtml} from '../cli/print/html.js';
import {asset, type WebAssets} from './assets.js';
import {rawResponse, route} from './http.js';
import {HttpLimiter, httpLimitsFor, type HttpLimits} from './http-limits.js';
import {isAllowedOrigin} from './origin.js';
import {closeCodes, maxMessageBytes} from './protocol.js';
import {startSocketSession, type SocketSessionHandle} from './socket-session.js';
import {listenOn} from '../ssh/listen.js';

export type WebServerOptions = {
	readonly host: string;
	readonly port: number;
	/** Shared with the SSH listener: limits, key budgets, first frames. */
	readonly state: ServerState;
	readonly assets: WebAssets;
	/** The pages allowed to open a session; none: the page's own origin (its Host). */
	readonly origins: readonly string[];
	/** Default: httpLimitsFor the session limits. */
	readonly httpLimits?: HttpLimits;
	/** Receives one line per closed session. */
	readonly log: (line: string) => void;
};

export type WebServer = {
	/** Resolves with the bound port (useful with port 0). */
	readonly listen: () => Promise<number>;
	/** Stops accepting, tells every visitor, and closes everything within `graceMs`. */
	readonly shutdown: (graceMs?: number) => Promise<void>;
	readonly counts: () => {readonly connections: number; readonly sessions: number};
};

/** A request's whole head must arrive within this, or the connection is dropped. */
export const headersTimeoutMs = 10_000;

type Visit = {
	readonly socket: Socket;
	readonly address: string;
	readonly admission: Admission;
	readonly startedAt: number;
	readonly refused: Set<string>;
	readonly timers: Set<NodeJS.Timeout>;
	session?: SocketSessionHandle;
	endReason?: string;
};

/** The page at /: the résumé as HTML, with the terminal's script and stylesheet. */
export function pageHtml(state: ServerState, assets: WebAssets): string {
	const head = `<link rel="icon" href="/favicon.ico"><link rel="stylesheet" href="${escapeHtml(assets.stylesheet)}"><script defer src="${escapeHtml(assets.script)}"></script>`;
	return renderHtml(state.resume, {head});
}

const themeOf = (request: IncomingMessage): ThemeName | undefined => {
	const theme = new URLSearchParams((request.url ?? '').split('?')[1] ?? '').get('theme');
	return theme === 'dark' || theme === 'light' || theme === 'high-contrast' ? theme : undefined;
};

const isScreenReaderOf = (request: IncomingMessage): boolean => new URLSearchParams((request.url ?? '').split('?')[1] ?? '').has('screen-reader');

const refuseUpgrade = (socket: Socket, status: number, reason: string, text: string): void => {
	socket.end(rawResponse(status, reason, text));
	socket.destroySoon();
};

export function createWebServer(options: WebServerOptions): WebServer {
	const {state} = options;
	const {limits, limiter} = state;
	const httpLimiter = new HttpLimiter(options.httpLimits ?? httpLimitsFor(limits));
	const routes = {page: asset(Buffer.from(pageHtml(state, options.assets)), 'text/html; charset=utf-8', false), assets: options.assets};
	const visits = new Set<Visit>();
	/** Sockets counted against their address's HTTP cap, until they close or become a session. */
	const counted = new WeakSet<Socket>();
	const uncount = (socket: Socket): void => {
		if (counted.delete(socket)) {
			httpLimiter.disconnect(socket.remoteAddress ?? 'unknown');
		}
	};
	let sessions = 0;
	let isShuttingDown = false;

	const http = createServer(
		{
			headersTimeout: headersTimeoutMs,
			requestTimeout: headersTimeoutMs,
			// Node checks both only this often (every 30 s by default).
			connectionsCheckingInterval: 1000,
			keepAliveTimeout: 5000,
			maxHeaderSize: 8192,
		},
		(request, response) => {
			// A socket refused at connection may still have a request in its buffer: it gets no answer.
			if (!counted.has(request.socket)) {
				request.socket.destroy();
				return;
			}

			const address = request.socket.remoteAddress ?? 'unknown';
			if (!httpLimiter.request(address)) {
				response.shouldKeepAlive = false;
				response.writeHead(429, {'Retry-After': '60'});
				response.end();
				return;
			}

			route(request, response, routes);
		},
	);
	http.on('error', () => {});
	http.on('clientError', (_error, socket) => {
		socket.destroy();
	});
	http.on('connection', (socket: Socket) => {
		socket.on('error', () => {});
		const address = socket.remoteAddress ?? 'unknown';
		if (isShuttingDown || !httpLimiter.connect(address)) {
			socket.end(rawResponse(429, 'Too Many Requests', 'Too many connections from your address; please close some and try again.'));
			socket.destroySoon();
			return;
		}

		counted.add(socket);
		socket.once('close', () => {
			uncount(socket);
		});
	});

	const wss = new WebSocketServer({noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: false, clientTracking: false});

	const later = (visit: Visit, ms: number, action: () => void): NodeJS.Timeout => {
		const timer = setTimeout(() => {
			visit.timers.delete(timer);
			action();
		}, ms);
		visit.timers.add(timer);
		return timer;
	};

	const startVisit = (ws: WebSocket, request: IncomingMessage, visit: Visit): void => {
		const keyBudget = state.acquireKeyBudget(visit.address);
		let idleTimer: NodeJS.Timeout | undefined;
		visits.add(visit);
		sessions++;
		const login = later(visit, limits.loginTimeoutMs, () => {
			visit.session?.end(`No resize within ${formatDuration(limits.loginTimeoutMs)}.`, 'login-timeout', closeCodes.policy);
		});
		visit.session = startSocketSession(ws, {
			resume: state.resume,
			views: state.views,
			keyBudget,
			unmountAfterMs: limits.unmountAfterMs,
			styleFor: (theme) => state.styleFor(3, theme),
			theme: themeOf(request),
			isScreenReader: isScreenReaderOf(request),
			refusal: visit.admission.kind === 'refuse' ? visit.admission.message : undefined,
			onStart() {
				clearTimeout(login);
				visit.timers.delete(login);
				idleTimer = later(visit, limits.idleTimeoutMs, () => {
					visit.session?.end(goodbyes.idle(limits.idleTimeoutMs), 'idle-timeout');
				});
				later(visit, limits.maxSessionMs, () => {
					visit.session?.end(goodbyes.tooLong(limits.maxSessionMs), 'session-time-limit');
				});
			},
			onActivity() {
				idleTimer?.refresh();
			},
			onRefused(what) {
				visit.refused.add(what);
			},
			onEnd(reason) {
				for (const timer of visit.timers) {
					clearTimeout(timer);
				}

				visits.delete(visit);
				sessions--;
				state.releaseKeyBudget(visit.address);
				limiter.release(visit.address, visit.admission);
				visit.endReason ??= visit.admission.kind === 'refuse' ? visit.admission.reason : reason;
				options.log(
					`${formatVisitLog({
						...visit,
						family: visit.socket.remoteFamily,
						port: visit.socket.remotePort,
						bytesIn: visit.socket.bytesRead,
						bytesOut: visit.socket.bytesWritten,
					})} via=web`,
				);
			},
		});
	};

	http.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
		socket.on('error', () => {});
		if (!counted.has(socket)) {
			socket.destroy();
			return;
		}

		uncount(socket);
		const address = socket.remoteAddress ?? 'unknown';
		const path = (request.url ?? '').split('?', 1)[0];
		if (path !== '/session' || request.method !== 'GET') {
			refuseUpgrade(socket, 404, 'Not Found', 'Not found.');
			return;
		}

		if (!isAllowedOrigin(request.headers.origin, request.headers.host, options.origins)) {
			refuseUpgrade(socket, 403, 'Forbidden', 'This page may not open a session here.');
			return;
		}

		if (isShuttingDown) {
			refuseUpgrade(socket, 503, 'Service Unavailable', goodbyes.restart);
			return;
		}

		const admission = limiter.admit(address);
		const visit: Visit = {socket, address, admission, startedAt: Date.now(), refused: new Set(), timers: new Set()};
		if (admission.kind === 'drop') {
			// A flood: no handshake, no session, one log line.
			refuseUpgrade(socket, 429, 'Too Many Requests', 'Too many connections from your address.');
			options.log(`${formatVisitLog({...visit, family: socket.remoteFamily, port: socket.remotePort, bytesIn: 0, bytesOut: 0, endReason: `dropped:${admission.reason}`})} via=web`);
			return;
		}

		socket.setNoDelay(true);
		wss.handleUpgrade(request, socket, head, (ws) => {
			startVisit(ws, request, visit);
		});
		// ws answers a bad handshake (a wrong version, no key) itself and destroys the socket.
		socket.once('close', () => {
			if (!visits.has(visit) && visit.session === undefined) {
				limiter.release(address, admission);
			}
		});
	});

	const sweeper = setInterval(() => {
		httpLimiter.sweep();
		limiter.sweep();
	}, 60_000);
	sweeper.unref();

	return {
		listen: async () => listenOn(http, options.host, options.port),

		async shutdown(graceMs = 5000) {
			isShuttingDown = true;
			clearInterval(sweeper);
			http.close();
			http.closeAllConnections();
			const closed = [...visits].map(
				async (visit) =>
					new Promise<void>((resolve) => {
						if (visit.socket.destroyed) {
							resolve();
						} else {
							visit.socket.once('close', () => {
								resolve();
							});
						}
					}),
			);
			for (const visit of visits) {
				visit.session?.end(goodbyes.restart, 'server-restarting', closeCodes.restart);
			}

			const deadline = setTimeout(() => {
				for (const visit of visits) {
					visit.socket.destroy();
				}
			}, graceMs);
			await Promise.all(closed);
			clearTimeout(deadline);
		},

		counts: () => ({connections: httpLimiter.counts.connections, sessions}),
	};
}
