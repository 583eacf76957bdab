// An in-process SSH client (ssh2) for what the OpenSSH client cannot easily do: thousands of
// visits, absurd window sizes, random bytes, vanishing mid-frame.
import {connect as connectTcp} from 'node:net';
import ssh2, {type ClientChannel, type Client as SshClient} from 'ssh2';

const {Client} = ssh2;

export type Pty = {readonly cols: number; readonly rows: number; readonly term?: string};

export type Visitor = {
	readonly client: SshClient;
	readonly channel: ClientChannel;
	/** Everything received on the channel so far. */
	readonly output: () => string;
	/** Resolves once the output satisfies the predicate; rejects on timeout or close. */
	readonly waitFor: (predicate: (output: string) => boolean, what: string, timeoutMs?: number) => Promise<void>;
	/** Resolves with the exit status once the channel has closed. */
	readonly closed: Promise<number | undefined>;
};

/**
 * Logs in; with `proxyHeader`, that comes first, as a load balancer sends it: in the same write
 * (so, on loopback, the same packet) as the client's version line.
 */
export async function connect(port: number, user = 'visitor', proxyHeader?: Buffer): Promise<SshClient> {
	const sock = proxyHeader && connectTcp({host: '127.0.0.1', port});
	if (sock && proxyHeader) {
		const write = sock.write.bind(sock) as (chunk: Uint8Array) => boolean;
		let header: Buffer | undefined = proxyHeader;
		sock.write = ((chunk: Uint8Array) => {
			const data = header ? Buffer.concat([header, chunk]) : chunk;
			header = undefined;
			return write(data);
		}) as typeof sock.write;
	}

	return new Promise((resolve, reject) => {
		const client = new Client();
		client.once('ready', () => {
			resolve(client);
		});
		client.once('error', reject);
		client.connect({host: '127.0.0.1', port, username: user, readyTimeout: 20_000, ...(sock && {sock})});
	});
}

/** Opens a shell (with a pty unless `pty` is false) and collects what it prints. */
export async function visit(
	port: number,
	options: {
		readonly user?: string;
		readonly pty?: Pty | false;
		readonly env?: Record<string, string>;
		/** The OSC 11 answer to give, e.g. "rgb:ffff/ffff/ffff"; by default only DA1 is answered. */
		readonly background?: string;
		/** Sent before anything else, as a load balancer sends it. */
		readonly proxyHeader?: Buffer;
	} = {},
): Promise<Visitor> {
	const client = await connect(port, options.user, options.proxyHeader);
	client.on('error', () => {});
	const pty = options.pty ?? {cols: 100, rows: 30};
	const channel = await new Promise<ClientChannel>((resolve, reject) => {
		const window = pty === false ? false : {cols: pty.cols, rows: pty.rows, term: pty.term ?? 'xterm-256color', height: 0, width: 0};
		client.shell(window, {env: options.env ?? {}}, (error, opened) => {
			if (error) {
				reject(error);
			} else {
				resolve(opened);
			}
		});
	});
	let output = '';
	let isClosed = false;
	const watchers = new Set<() => void>();
	const wake = (): void => {
		for (const watcher of watchers) {
			watcher();
		}
	};

	channel.setEncoding('utf8');
	channel.on('data', (chunk: string) => {
		output += chunk;
		// Answer the app's terminal query (DA1) as a real terminal would.
		if (chunk.includes('\u001B[c')) {
			channel.write(`${options.background ? `\u001B]11;${options.background}\u001B\\` : ''}\u001B[?62;22c`);
		}

		wake();
	});
	channel.stderr.on('data', () => {});
	let exitCode: number | undefined;
	channel.on('exit', (code: number) => {
		exitCode = code;
	});
	const closed = new Promise<number | undefined>((resolve) => {
		channel.on('close', () => {
			isClosed = true;
			wake();
			resolve(exitCode);
		});
	});
	return {
		client,
		channel,
		output: () => output,
		closed,
		waitFor: async (predicate, what, timeoutMs = 15_000) =>
			new Promise((resolve, reject) => {
				const check = (): void => {
					if (predicate(output)) {
						done();
						resolve();
					} else if (isClosed) {
						done();
						reject(new Error(`the channel closed before ${what}; output:\n${output.slice(-2000)}`));
					}
				};

				const timer = setTimeout(() => {
					done();
					reject(new Error(`timed out waiting for ${what}; output:\n${output.slice(-2000)}`));
				}, timeoutMs);
				const done = (): void => {
					clearTimeout(timer);
					watchers.delete(check);
				};

				watchers.add(check);
				check();
			}),
	};
}

/** A whole frame has been painted: the Screen wraps each in a synchronized update (CSI ? 2026 h … l). */
export const hasFirstFrame = (output: string): boolean => output.includes('\u001B[?2026l');
