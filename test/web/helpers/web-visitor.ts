// A WebSocket client of /session (ws), for what a browser cannot easily do in a test: many
// sessions, wrong origins, broken messages.
import {WebSocket} from 'ws';

export type Closed = {readonly code: number; readonly reason: string};

export type WebVisitor = {
	readonly socket: WebSocket;
	/** Everything received so far, as text. */
	readonly output: () => string;
	readonly waitFor: (predicate: (output: string) => boolean, what: string, timeoutMs?: number) => Promise<void>;
	readonly closed: Promise<Closed>;
	/** Sends a resize control message. */
	readonly resize: (cols: number, rows: number) => void;
	/** Sends keys as a binary frame. */
	readonly keys: (text: string) => void;
};

export type OpenOptions = {
	/** The Origin header; default: the page's own (http://127.0.0.1:<port>); null: none. */
	readonly origin?: string | null;
	readonly theme?: string;
	readonly host?: string;
	readonly localAddress?: string;
};

/** The upgrade's HTTP status when it is refused, or the open socket. */
export async function openSocket(port: number, options: OpenOptions = {}): Promise<{readonly status: number} | {readonly visitor: WebVisitor}> {
	const origin = options.origin === undefined ? `http://127.0.0.1:${port}` : options.origin;
	const socket = new WebSocket(`ws://127.0.0.1:${port}/session${options.theme ? `?theme=${options.theme}` : ''}`, {
		headers: {...(origin === null ? {} : {Origin: origin}), ...(options.host ? {Host: options.host} : {})},
		localAddress: options.localAddress,
	});
	let output = '';
	let closedWith: Closed | undefined;
	const watchers = new Set<() => void>();
	const closed = new Promise<Closed>((resolve) => {
		socket.on('close', (code, reason) => {
			closedWith = {code, reason: reason.toString('utf8')};
			resolve(closedWith);
			for (const watch of watchers) {
				watch();
			}
		});
	});
	socket.on('message', (data: Buffer) => {
		output += data.toString('utf8');
		for (const watch of watchers) {
			watch();
		}
	});
	return new Promise((resolve, reject) => {
		socket.once('unexpected-response', (_request, response) => {
			resolve({status: response.statusCode ?? 0});
			response.resume();
			socket.on('error', () => {});
		});
		socket.once('error', reject);
		socket.once('open', () => {
			socket.off('error', reject);
			socket.on('error', () => {});
			resolve({
				visitor: {
					socket,
					output: () => output,
					closed,
					resize(cols, rows) {
						socket.send(JSON.stringify({type: 'resize', cols, rows}));
					},
					keys(text) {
						socket.send(Buffer.from(text, 'utf8'));
					},
					waitFor: async (predicate, what, timeoutMs = 15_000) =>
						new Promise((done, fail) => {
							const check = (): void => {
								if (predicate(output)) {
									finish();
									done();
								} else if (closedWith) {
									finish();
									fail(new Error(`the socket closed (${closedWith.code} ${closedWith.reason}) before ${what}; output:\n${output.slice(-2000)}`));
								}
							};

							const timer = setTimeout(() => {
								finish();
								fail(new Error(`timed out waiting for ${what}; output:\n${output.slice(-2000)}`));
							}, timeoutMs);
							const finish = (): void => {
								clearTimeout(timer);
								watchers.delete(check);
							};

							watchers.add(check);
							check();
						}),
				},
			});
		});
	});
}

/** An open session, or a failed test. */
export async function webVisit(port: number, options: OpenOptions = {}): Promise<WebVisitor> {
	const opened = await openSocket(port, options);
	if (!('visitor' in opened)) {
		throw new Error(`the upgrade was refused with ${opened.status}`);
	}

	return opened.visitor;
}

/** A whole frame has been painted (the Screen wraps each in CSI ? 2026 h … l). */
export const hasFrame = (output: string): boolean => output.includes('\u001B[?2026l');
