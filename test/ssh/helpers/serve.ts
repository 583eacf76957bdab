// `node dist/cli.cjs serve` as a process on a port of its own choosing, with a fresh host key in a
// temporary directory, and the real OpenSSH client pointed at it.
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cliPath} from '../../helpers/run-cli.js';

export type Exit = {readonly code: number | null; readonly signal: NodeJS.Signals | null};

export type Served = {
	readonly port: number;
	/** The web listener's port, when started with --web-port. */
	readonly webPort: number;
	readonly dir: string;
	/** Null when the server was left to its default. */
	readonly keyPath: string | null;
	readonly child: ChildProcess;
	/** Everything the server wrote to stderr so far, line by line. */
	readonly logs: () => string[];
	/** Resolves with the first log line (past or future) that matches. */
	readonly waitForLog: (predicate: (line: string) => boolean, what: string, timeoutMs?: number) => Promise<string>;
	readonly exited: Promise<Exit>;
	/** Sends the signal and waits for the exit. */
	readonly stop: (signal?: NodeJS.Signals) => Promise<Exit>;
};

/** A process environment without the caller's colour and CI settings. */
export function cleanEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (value !== undefined && !['NO_COLOR', 'FORCE_COLOR', 'COLORTERM', 'CI', 'SSH_AUTH_SOCK', 'DISPLAY'].includes(name)) {
			env[name] = value;
		}
	}

	return {...env, LANG: 'C.UTF-8', ...extra};
}

const running = new Set<Served>();

/** `keyPath: null` leaves --host-key out (the default place, under `env`'s XDG_CONFIG_HOME). */
export async function startServe(
	args: readonly string[] = [],
	options: {readonly keyPath?: string | null; readonly env?: Readonly<Record<string, string>>} = {},
): Promise<Served> {
	const dir = mkdtempSync(join(tmpdir(), 'balakumaran-ssh-'));
	const keyPath = options.keyPath === undefined ? join(dir, 'key') : options.keyPath;
	const keyArgs = keyPath === null ? [] : ['--host-key', keyPath];
	const child = spawn(process.execPath, [cliPath, 'serve', '--host', '127.0.0.1', '--port', '0', ...keyArgs, ...args], {
		env: cleanEnv(options.env),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const lines: string[] = [];
	const watchers = new Set<(line: string) => void>();
	let partial = '';
	child.stderr.setEncoding('utf8');
	child.stderr.on('data', (chunk: string) => {
		const parts = (partial + chunk).split('\n');
		partial = parts.pop() ?? '';
		for (const line of parts) {
			lines.push(line);
			for (const watch of watchers) {
				watch(line);
			}
		}
	});
	child.stdout.resume();
	const exited = new Promise<Exit>((resolve) => {
		child.once('exit', (code, signal) => {
			resolve({code, signal});
		});
	});

	const waitForLog = async (predicate: (line: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> =>
		new Promise((resolve, reject) => {
			const found = lines.find(predicate);
			if (found !== undefined) {
				resolve(found);
				return;
			}

			const timer = setTimeout(() => {
				watchers.delete(watch);
				reject(new Error(`no log line for ${what} within ${timeoutMs} ms; the log:\n${lines.join('\n')}`));
			}, timeoutMs);
			const watch = (line: string): void => {
				if (predicate(line)) {
					clearTimeout(timer);
					watchers.delete(watch);
					resolve(line);
				}
			};

			watchers.add(watch);
			void exited.then(() => {
				if (watchers.has(watch)) {
					clearTimeout(timer);
					watchers.delete(watch);
					reject(new Error(`the server exited before ${what}; the log:\n${lines.join('\n')}`));
				}
			});
		});

	const listening = await waitForLog((line) => line.includes('listening on'), 'listening');
	const port = Number(/:(\d+);/.exec(listening)?.[1]);
	const web = args.includes('--web-port') ? await waitForLog((line) => line.includes('web page on'), 'the web listener') : '';
	const served: Served = {
		port,
		webPort: Number(/:(\d+);/.exec(web)?.[1]),
		dir,
		keyPath,
		child,
		logs: () => [...lines],
		waitForLog,
		exited,
		async stop(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill(signal);
			}

			const exit = await exited;
			running.delete(served);
			rmSync(dir, {recursive: true, force: true});
			return exit;
		},
	};
	running.add(served);
	return served;
}

/** Kills every server still running (a suite's cleanup). */
export async function stopAll(): Promise<void> {
	await Promise.all([...running].map(async (served) => served.stop('SIGKILL')));
}

/**
 * Options for the real OpenSSH client: no user config, quiet, and no host key checks unless a
 * known_hosts file is given (then the server must present a key it lists).
 */
export function sshArgs(port: number, logLevel = 'ERROR', knownHosts?: string): string[] {
	return [
		'-F',
		'/dev/null',
		'-o',
		`StrictHostKeyChecking=${knownHosts ? 'yes' : 'no'}`,
		'-o',
		`UserKnownHostsFile=${knownHosts ?? '/dev/null'}`,
		'-o',
		`LogLevel=${logLevel}`,
		'-o',
		'BatchMode=yes',
		'-p',
		String(port),
	];
}

export type SshResult = {readonly status: number | null; readonly stdout: string; readonly stderr: string};

/** Runs `ssh <options> <extra> <user>@127.0.0.1 <command>` without a terminal (user: visitor). */
export async function ssh(
	port: number,
	extra: readonly string[],
	command: readonly string[] = [],
	options: {
		readonly env?: Record<string, string>;
		readonly logLevel?: string;
		readonly timeoutMs?: number;
		readonly user?: string;
		readonly knownHosts?: string;
	} = {},
): Promise<SshResult> {
	const child = spawn('ssh', [...sshArgs(port, options.logLevel, options.knownHosts), ...extra, `${options.user ?? 'visitor'}@127.0.0.1`, ...command], {
		env: options.env ?? cleanEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
	const status = await new Promise<number | null>((resolve) => {
		child.once('close', (code) => {
			resolve(code);
		});
	});
	clearTimeout(timer);
	return {status, stdout, stderr};
}
