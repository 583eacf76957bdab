// Connections and their limits. Every TCP connection is admitted or refused here, given a login
// deadline, let in with any user name and no password, allowed one session channel (session.ts
// runs it), timed out when idle or too long, and logged in one line when it closes.
import {createServer, type Socket} from 'node:net';
import ssh2, {type AuthContext, type Connection} from 'ssh2';
import type {Resume} from '../data/schema.js';
import {formatDuration, type Admission, type KeyBudget, type Limits} from './limits.js';
import {createServerState, type ServerState} from './server-state.js';
import {startSession, type SessionHandle} from './session.js';
import {formatVisitLog, printableUser} from './visit-log.js';

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
	readonly address: string;
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

export const goodbyes = {
	idle: (ms: number) => `Closed after ${formatDuration(ms)} without a key press. Come back any time.`,
	tooLong: (ms: number) => `This visit reached its ${formatDuration(ms)} limit. Come back any time.`,
	restart: 'The server is restarting; please reconnect in a moment.',
};

export function createResumeServer(options: ServerOptions): ResumeServer {
	const {limits} = options;
	const state = options.state ?? createServerState(options.resume, limits);
	const {limiter, printer, firstFrames, styleFor, acquireKeyBudget, releaseKeyBudget} = state;
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

	// A keepalive a minute (ssh2's default is every 15 s): each one is a packet encrypted and
	// answered, which with a thousand idle visitors was most of the idle CPU. A vanished client is
	// still noticed within about three minutes (the idle timeout ends it sooner or later anyway).
	const sshServer = new SshServer({hostKeys: [options.hostKey], ident: 'balakumaran', keepaliveInterval: 60_000, keepaliveCountMax: 2});
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
				firstFrames,
				keyBudget: visit.keyBudget,
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

	const onSocket = (socket: Socket): void => {
		socket.on('error', () => {});
		if (isShuttingDown) {
			socket.destroy();
			return;
		}

		const address = socket.remoteAddress ?? 'unknown';
		const admission = limiter.admit(address);
		const keyBudget = acquireKeyBudget(address);
		const visit: Visit = {socket, address, keyBudget, admission, startedAt: Date.now(), refused: new Set(), timers: new Set()};
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
			options.log(
				formatVisitLog({
					...visit,
					family: socket.remoteFamily,
					port: socket.remotePort,
					bytesIn: socket.bytesRead,
					bytesOut: socket.bytesWritten,
				}),
			);
		});
		if (admission.kind === 'drop') {
			cut(visit, `dropped:${admission.reason}`);
			return;
		}

		visits.set(socket, visit);
		byPeer.set(peer, visit);
		socket.setNoDelay(true);
		later(visit, limits.loginTimeoutMs, () => {
			cut(visit, 'login-timeout');
		});
		sshServer.injectSocket(socket);
	};

	const tcp = createServer(onSocket);
	tcp.on('error', () => {});
	const sweeper = setInterval(() => {
		limiter.sweep();
	}, 60_000);
	sweeper.unref();

	return {
		listen: async () =>
			new Promise((resolve, reject) => {
				const onError = (error: Error): void => {
					reject(error);
				};

				tcp.once('error', onError);
				tcp.listen({host: options.host, port: options.port}, () => {
					tcp.off('error', onError);
					const address = tcp.address();
					resolve(typeof address === 'object' && address ? address.port : options.port);
				});
			}),

		async shutdown(graceMs = 5000) {
			isShuttingDown = true;
			clearInterval(sweeper);
			tcp.close();
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
