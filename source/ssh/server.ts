// Connections and their limits. Every TCP connection is admitted or refused here (behind a load
// balancer, once its PROXY header has named the visitor), given a login deadline, let in with any
// user name and no password, allowed one session channel (session.ts runs it), timed out when
// idle or too long, and logged in one line when it closes.
import {createServer, type Socket} from 'node:net';
import ssh2, {type AuthContext, type Connection} from 'ssh2';
import type {Resume} from '../data/schema.js';
import {formatDuration, type Admission, type KeyBudget, type Limits} from './limits.js';
import type {Endpoint} from './proxy-header.js';
import {peerOf, receiveProxied, type ProxyProtocolOptions} from './proxy-protocol.js';
import {createServerState, type ServerState} from './server-state.js';
import {startSession, type SessionHandle} from './session.js';
import type {TrustedProxies} from './trusted-proxy.js';
import {formatVisitLog, printableUser} from './visit-log.js';
import {listenOn} from './listen.js';

const {Server: SshServer} = ssh2;

export type ServerOptions = {
	readonly host: string;
	readonly port: number;
	/** The private host key, OpenSSH format. */
	readonly hostKey: Buffer;
	readonly resume: Resume;
	readonly limits: Limits;
	/** Receives one line per closed connection. */
	readonly log: (line: string) => void;
	/**
	 * Every connection comes through these load balancers and starts with a PROXY header naming
	 * the visitor, whose address is then the one limited and logged.
	 */
	readonly proxyProtocol?: {readonly trusted: TrustedProxies};
	/** Shared with the server's other listeners (the web), so one limit counts both; else its own. */
	readonly state?: ServerState;
};

export type ResumeServer = {
	/** Resolves with the bound port (useful with port 0). */
	readonly listen: () => Promise<number>;
	/** Stops accepting, tells every visitor, and closes everything within `graceMs`. */
	readonly shutdown: (graceMs?: number) => Promise<void>;
	/** Open connections (any state) and sessions running an app or a printout. */
	readonly counts: () => {readonly connections: number; readonly sessions: number};
};

/** Everything the log line needs, and the handles to end a connection. */
type Visit = {
	readonly socket: Socket;
	/** The visitor's address: the socket's, or the one a trusted PROXY header gave. */
	readonly address: string;
	readonly family: string;
	readonly port: number;
	/** Shared with every other connection from the same address. */
	readonly keyBudget: KeyBudget;
	readonly admission: Admission;
	readonly startedAt: number;
	user?: string;
	client?: Connection;
	session?: SessionHandle;
	endReason?: string;
	readonly refused: Set<string>;
	readonly timers: Set<NodeJS.Timeout>;
	idleTimer?: NodeJS.Timeout;
};

/** How long a visitor told goodbye has to close before the socket is cut. */
const goodbyeGraceMs = 2000;
/** Idle time before the kernel first probes a silent visitor's connection. */
const tcpKeepAliveMs = 60_000;
/** Our SSH identification line (RFC 4253, 4.2), as ssh2 sends it with `ident`. */
const ident = 'balakumaran';
const identification = `SSH-2.0-${ident}\r\n`;

export const goodbyes = {
	idle: (ms: number) => `Closed after ${formatDuration(ms)} without a key press. Come back any time.`,
	tooLong: (ms: number) => `This visit reached its ${formatDuration(ms)} limit. Come back any time.`,
	restart: 'The server is restarting; please reconnect in a moment.',
};

export function createResumeServer(options: ServerOptions): ResumeServer {
	const {limits} = options;
	const state = options.state ?? createServerState(options.resume, limits);
	const {limiter, printer, views, styleFor, acquireKeyBudget, releaseKeyBudget} = state;
	const visits = new Map<Socket, Visit>();
	// ssh2 reports a connection by its remote address and port; this finds the visit it belongs to.
	const byPeer = new Map<string, Visit>();
	const peerKey = (address: string | undefined, port: number | undefined): string => `${address ?? ''}|${port ?? 0}`;
	let sessions = 0;
	let isShuttingDown = false;

	const later = (visit: Visit, ms: number, action: () => void): NodeJS.Timeout | undefined => {
		if (visit.socket.closed) {
			// Closing events can arrive after the socket's own close; nothing is left to time out.
			return undefined;
		}

		const timer = setTimeout(() => {
			visit.timers.delete(timer);
			action();
		}, ms);
		visit.timers.add(timer);
		return timer;
	};

	const cut = (visit: Visit, reason: string): void => {
		visit.endReason ??= reason;
		visit.socket.destroy();
	};

	/** Says goodbye on the session if there is one, then closes; cuts the socket if that stalls. */
	const sayGoodbye = (visit: Visit, message: string, reason: string): void => {
		visit.endReason ??= reason;
		later(visit, goodbyeGraceMs, () => {
			cut(visit, reason);
		});
		if (!visit.session?.end(message, reason)) {
			visit.client?.end();
		}
	};

	// No SSH keepalives: each is a packet encrypted, sent and answered in JavaScript, which with a
	// thousand idle visitors was most of the server's idle CPU. The kernel's TCP keepalive (set on
	// each socket below) notices a vanished client instead, at no cost to the process, and the idle
	// timeout ends a visit anyway. ssh2 has no "off" (0 means its default, 15 s), hence once a day.
	const sshServer = new SshServer({hostKeys: [options.hostKey], ident, keepaliveInterval: 24 * 3600_000, keepaliveCountMax: 3});
	sshServer.on('error', () => {});
	sshServer.on('connection', (client: Connection, info) => {
		const visit = byPeer.get(peerKey(info.ip, info.port));
		if (!visit) {
			client.end();
			return;
		}

		visit.client = client;
		client.on('error', (error: Error) => {
			visit.endReason ??= `error:${(error as NodeJS.ErrnoException).code ?? error.message.slice(0, 60).replace(/\s+/g, '_')}`;
		});
		client.on('authentication', (context: AuthContext) => {
			visit.user = printableUser(context.username);
			if (context.method === 'none' || context.method === 'password' || context.method === 'keyboard-interactive') {
				context.accept();
			} else {
				context.reject(['none', 'keyboard-interactive', 'password']);
			}
		});
		client.on('ready', () => {
			for (const timer of visit.timers) {
				clearTimeout(timer);
			}

			visit.timers.clear();
			if (visit.admission.kind === 'refuse') {
				// Long enough to open a session and read the message; no longer.
				later(visit, limits.loginTimeoutMs, () => {
					cut(visit, visit.admission.kind === 'refuse' ? visit.admission.reason : 'refused');
				});
				return;
			}

			visit.idleTimer = later(visit, limits.idleTimeoutMs, () => {
				sayGoodbye(visit, goodbyes.idle(limits.idleTimeoutMs), 'idle-timeout');
			});
			later(visit, limits.maxSessionMs, () => {
				sayGoodbye(visit, goodbyes.tooLong(limits.maxSessionMs), 'session-time-limit');
			});
		});
		client.on('request', (_accept, reject, name: string) => {
			reject?.();
			visit.refused.add(name);
		});
		client.on('session', (accept, reject) => {
			if (visit.session || isShuttingDown) {
				reject();
				visit.refused.add('second-session');
				return;
			}

			sessions++;
			let hasEnded = false;
			visit.session = startSession(accept(), {
				resume: options.resume,
				printer,
				styleFor,
				views,
				keyBudget: visit.keyBudget,
				unmountAfterMs: limits.unmountAfterMs,
				refusal: visit.admission.kind === 'refuse' ? visit.admission.message : undefined,
				onRefused(what) {
					visit.refused.add(what);
				},
				onActivity() {
					visit.idleTimer?.refresh();
				},
				onEnd(reason) {
					if (hasEnded) {
						return;
					}

					hasEnded = true;
					sessions--;
					visit.endReason ??= visit.admission.kind === 'refuse' ? visit.admission.reason : reason;
					// One session per connection: when it is over, so is the connection.
					client.end();
					later(visit, goodbyeGraceMs, () => {
						cut(visit, reason);
					});
				},
			});
		});
	});

	/** Admits (or refuses) a connection from `visitor`, and hands it to ssh2. */
	const startVisit = (socket: Socket, visitor: Endpoint, loginTimeoutMs: number, startedAt: number): void => {
		const {address} = visitor;
		const admission = limiter.admit(address);
		const keyBudget = acquireKeyBudget(address);
		const visit: Visit = {socket, address, family: visitor.family, port: visitor.port, keyBudget, admission, startedAt, refused: new Set(), timers: new Set()};
		const peer = peerKey(socket.remoteAddress, socket.remotePort);
		socket.once('close', () => {
			// ssh2 reports nothing about a peer that never sent a valid SSH version line.
			visit.endReason ??= visit.client ? 'client-closed' : 'no-handshake';
			for (const timer of visit.timers) {
				clearTimeout(timer);
			}

			visits.delete(socket);
			byPeer.delete(peer);
			limiter.release(address, admission);
			releaseKeyBudget(address);
			options.log(formatVisitLog({...visit, bytesIn: socket.bytesRead, bytesOut: socket.bytesWritten}));
		});
		if (admission.kind === 'drop') {
			cut(visit, `dropped:${admission.reason}`);
			return;
		}

		visits.set(socket, visit);
		byPeer.set(peer, visit);
		socket.setNoDelay(true);
		socket.setKeepAlive(true, tcpKeepAliveMs);
		later(visit, loginTimeoutMs, () => {
			cut(visit, 'login-timeout');
		});
		sshServer.injectSocket(socket);
	};

	// Connections still sending their PROXY header: not visits yet, but closed on shutdown.
	const arriving = new Set<Socket>();
	const proxied: ProxyProtocolOptions | undefined = options.proxyProtocol && {trusted: options.proxyProtocol.trusted, timeoutMs: limits.loginTimeoutMs};

	const onSocket = (socket: Socket): void => {
		socket.on('error', () => {});
		if (isShuttingDown) {
			socket.destroy();
			return;
		}

		const startedAt = Date.now();
		if (!proxied) {
			startVisit(socket, peerOf(socket), limits.loginTimeoutMs, startedAt);
			return;
		}

		arriving.add(socket);
		receiveProxied(socket, proxied, (arrival) => {
			arriving.delete(socket);
			if (arrival.kind === 'refused' || isShuttingDown) {
				socket.destroy();
				// A refused header names no one we believe: the log has the address that sent it.
				const {address, family, port} = arrival.kind === 'visitor' ? arrival.visitor : arrival.peer;
				const endReason = isShuttingDown ? 'server-restarting' : `proxy:${arrival.kind === 'refused' ? arrival.reason : 'refused'}`;
				options.log(formatVisitLog({address, family, port, startedAt, refused: new Set(), endReason, bytesIn: socket.bytesRead, bytesOut: socket.bytesWritten}));
			} else if (arrival.kind === 'balancer') {
				// A health check: it hears that this is an SSH server, as a visitor would, and nothing more.
				const timer = setTimeout(() => socket.destroy(), goodbyeGraceMs);
				socket.once('close', () => {
					clearTimeout(timer);
				});
				socket.resume();
				socket.end(identification);
			} else {
				startVisit(socket, arrival.visitor, Math.max(0, limits.loginTimeoutMs - (Date.now() - startedAt)), startedAt);
			}
		});
	};

	const tcp = createServer(onSocket);
	tcp.on('error', () => {});
	const sweeper = setInterval(() => {
		limiter.sweep();
	}, 60_000);
	sweeper.unref();

	return {
		listen: async () => listenOn(tcp, options.host, options.port),

		async shutdown(graceMs = 5000) {
			isShuttingDown = true;
			clearInterval(sweeper);
			tcp.close();
			for (const socket of arriving) {
				socket.destroy();
			}
			const closed = [...visits.keys()].map(
				async (socket) =>
					new Promise<void>((resolve) => {
						if (socket.destroyed) {
							resolve();
						} else {
							socket.once('close', () => {
								resolve();
							});
						}
					}),
			);
			for (const visit of visits.values()) {
				if (visit.client && visit.session) {
					sayGoodbye(visit, goodbyes.restart, 'server-restarting');
				} else {
					cut(visit, 'server-restarting');
				}
			}

			const deadline = setTimeout(() => {
				for (const socket of visits.keys()) {
					socket.destroy();
				}
			}, graceMs);
			await Promise.all(closed);
			clearTimeout(deadline);
		},

		counts: () => ({connections: visits.size, sessions}),
	};
}
