// `balakumaran serve`: parses its flags, loads the host key and the résumé, runs the server until
// SIGTERM or SIGINT, then says goodbye to every visitor and returns the exit code.
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {bundledResume} from '../data/bundled.js';
import {loadResumeFile} from '../data/load.js';
import {defaultHostKeyPath, loadOrCreateHostKey, readHostKey} from './host-key.js';
import {defaultLimits, type Limits} from './limits.js';
import {loadWebAssets} from '../web/assets.js';
import {parseOrigin} from '../web/origin.js';
import {createWebServer, type WebServer} from '../web/server.js';
import {createResumeServer} from './server.js';
import {createServerState} from './server-state.js';
import {trustedProxies, type TrustedProxies} from './trusted-proxy.js';

export const serveHelpText = `
Serve the résumé over SSH: anyone can read it with \`ssh -p 2222 <host>\`.
Any user name, no password; no shell, no files, no forwarding.

Usage
  $ balakumaran serve [options]

Options
  --host <address>             listen on this address (default: 0.0.0.0)
  --port <number>              listen on this port (default: 2222)
  --host-key <file>            the server's ed25519 key, made on first start (default:
                               $XDG_CONFIG_HOME/balakumaran/ssh_host_ed25519_key, or
                               ~/.config/balakumaran/ssh_host_ed25519_key)
  --fingerprint                print the host key's SHA256 fingerprint and exit
  --resume <file>              serve another JSON Resume 1.0.0 file
  --web-port <number>          also serve the résumé as a web page, and the TUI in the
                               browser, over HTTP on this port (off by default)
  --web-origin <origin>        a page allowed to open a session, e.g. https://your.domain
                               (repeatable; default: the origin the request's Host names)

Behind a load balancer
  --proxy-protocol             every connection starts with a PROXY header (v1 or v2, as
                               HAProxy's send-proxy-v2 sends it); the visitor's address in it
                               is the one limited and logged
  --trusted-proxy <address>    a balancer that may send one: an address or a CIDR range,
                               repeatable, required with --proxy-protocol; a connection from
                               anywhere else is closed unanswered

Limits (a visitor over one is told so in one line, then disconnected)
  --max-sessions <n>           visitors at once (default: 200)
  --max-per-address <n>        connections at once from one address (default: 5)
  --rate-per-address <n>       new connections a minute from one address (default: 20)
  --login-timeout <seconds>    to finish the handshake and log in (default: 10)
  --idle-timeout <seconds>     without a key press (default: 600)
  --max-session <seconds>      for any one visit (default: 1800)
  --key-rate <n>               keys a second from one address; more are dropped (default: 50)

Visitors
  ssh -p 2222 <host>             the résumé, full screen, at their terminal's size
  ssh -p 2222 <host> projects    one section, printed (any section id)
  ssh -p 2222 <host> markdown    the whole résumé as text, markdown, json or html
  ssh -t -p 2222 <host> screen-reader
                                 lines of words for a screen reader (so does
                                 SetEnv INK_SCREEN_READER=true)
  http://<host>:<web-port>/      the same TUI in the browser; the résumé as a plain page
                                 without JavaScript, on a phone, and in print

SIGTERM or SIGINT tells each visitor the server is restarting, closes within 5 s and
exits 0. One line per connection is logged to standard error.
`;

function fail(message: string, code: number): number {
	process.stderr.write(`balakumaran serve: ${message}\n`);
	return code;
}

type Parsed = {readonly ok: true; readonly values: Record<string, string | boolean | string[] | undefined>} | {readonly ok: false; readonly error: string};

const valueOptions = [
	'host',
	'port',
	'host-key',
	'resume',
	'max-sessions',
	'max-per-address',
	'rate-per-address',
	'login-timeout',
	'idle-timeout',
	'max-session',
	'key-rate',
	'web-port',
] as const;

function parse(argv: readonly string[]): Parsed {
	try {
		const {values} = parseArgs({
			args: [...argv],
			strict: true,
			allowPositionals: false,
			options: {
				...Object.fromEntries(valueOptions.map((name) => [name, {type: 'string'}] as const)),
				'web-origin': {type: 'string', multiple: true},
				fingerprint: {type: 'boolean'},
				'proxy-protocol': {type: 'boolean'},
				'trusted-proxy': {type: 'string', multiple: true},
				help: {type: 'boolean', short: 'h'},
			},
		});
		return {ok: true, values};
	} catch (error) {
		// Node's messages are a sentence or two; the first says what is wrong.
		const message = (error instanceof Error ? error.message : String(error)).split(/\.\s|\n/)[0] ?? '';
		return {ok: false, error: `${message.replace(/^[A-Z]/, (letter) => letter.toLowerCase()).replace(/\.$/, '')}; see --help`};
	}
}

/** A whole number from min to max, or an error naming the flag. */
function integer(values: Parsed & {ok: true}, name: string, fallback: number, min: number, max: number): number | string {
	const raw = values.values[name];
	if (typeof raw !== 'string') {
		return fallback;
	}

	const value = Number(raw);
	return Number.isInteger(value) && value >= min && value <= max ? value : `invalid --${name} '${raw}': expected a whole number from ${min} to ${max}`;
}

/** Seconds (fractions allowed, for tests) as milliseconds. */
function seconds(values: Parsed & {ok: true}, name: string, fallbackMs: number): number | string {
	const raw = values.values[name];
	if (typeof raw !== 'string') {
		return fallbackMs;
	}

	const value = Number(raw);
	return Number.isFinite(value) && value > 0 && value <= 7 * 24 * 3600 ? Math.round(value * 1000) : `invalid --${name} '${raw}': expected seconds, more than 0`;
}

/** The trusted balancers with --proxy-protocol, undefined without it, or what is wrong. */
function proxyOptions(parsed: Parsed & {ok: true}): TrustedProxies | undefined | string {
	const values = parsed.values['trusted-proxy'];
	const rules = Array.isArray(values) ? values : [];
	if (!parsed.values['proxy-protocol']) {
		return rules.length > 0 ? '--trusted-proxy needs --proxy-protocol (without it, no header is read)' : undefined;
	}

	if (rules.length === 0) {
		return '--proxy-protocol needs at least one --trusted-proxy <address or CIDR>: the load balancers allowed to send the header';
	}

	const trusted = trustedProxies(rules);
	return trusted.ok ? trusted.proxies : trusted.error;
}

export async function serveCommand(argv: readonly string[]): Promise<number> {
	const parsed = parse(argv);
	if (!parsed.ok) {
		return fail(parsed.error, 2);
	}

	if (parsed.values['help']) {
		process.stdout.write(serveHelpText);
		return 0;
	}

	const numbers = {
		port: integer(parsed, 'port', 2222, 0, 65_535),
		webPort: integer(parsed, 'web-port', -1, 0, 65_535),
		maxSessions: integer(parsed, 'max-sessions', defaultLimits.maxSessions, 1, 100_000),
		maxPerAddress: integer(parsed, 'max-per-address', defaultLimits.maxPerAddress, 1, 100_000),
		connectionsPerMinute: integer(parsed, 'rate-per-address', defaultLimits.connectionsPerMinute, 1, 1_000_000),
		loginTimeoutMs: seconds(parsed, 'login-timeout', defaultLimits.loginTimeoutMs),
		idleTimeoutMs: seconds(parsed, 'idle-timeout', defaultLimits.idleTimeoutMs),
		maxSessionMs: seconds(parsed, 'max-session', defaultLimits.maxSessionMs),
		keysPerSecond: integer(parsed, 'key-rate', defaultLimits.keysPerSecond, 1, 1_000_000),
	};
	for (const value of Object.values(numbers)) {
		if (typeof value === 'string') {
			return fail(value, 2);
		}
	}

	const {port, webPort, ...limitValues} = numbers as Record<keyof typeof numbers, number>;
	const limits: Limits = limitValues;
	const proxies = proxyOptions(parsed);
	if (typeof proxies === 'string') {
		return fail(proxies, 2);
	}

	const origins: string[] = [];
	for (const value of (parsed.values['web-origin'] as string[] | undefined) ?? []) {
		const origin = parseOrigin(value);
		if (origin === undefined) {
			return fail(`invalid --web-origin '${value}': expected http:// or https:// and a host, with no path (e.g. https://your.domain)`, 2);
		}

		origins.push(origin);
	}

	if (origins.length > 0 && webPort < 0) {
		return fail('--web-origin needs --web-port', 2);
	}
	const keyPath = typeof parsed.values['host-key'] === 'string' ? parsed.values['host-key'] : defaultHostKeyPath();
	if (parsed.values['fingerprint']) {
		// Only ever the key the servers use: a missing one is not made here, where a typo would put it.
		const key = readHostKey(keyPath);
		if (!key.ok) {
			return fail(key.error, key.isMissing ? 2 : 1);
		}

		process.stdout.write(`${key.key.fingerprint}\n`);
		return 0;
	}

	const key = loadOrCreateHostKey(keyPath);
	if (!key.ok) {
		return fail(key.error, 1);
	}

	const resumeFile = parsed.values['resume'];
	const loaded = typeof resumeFile === 'string' ? loadResumeFile(resumeFile) : bundledResume();
	if (!loaded.ok) {
		return fail(loaded.error, 1);
	}

	const host = typeof parsed.values['host'] === 'string' ? parsed.values['host'] : '0.0.0.0';
	const log = (line: string): void => {
		process.stderr.write(`${line}\n`);
	};

	// The web page's built files (dist/web/, beside this bundle), read once.
	const assets = webPort < 0 ? undefined : loadWebAssets(fileURLToPath(new URL('web', import.meta.url)));
	if (typeof assets === 'string') {
		return fail(assets, 1);
	}

	const state = createServerState(loaded.resume, limits);
	const server = createResumeServer({
		host,
		port,
		hostKey: key.key.privateKey,
		resume: loaded.resume,
		limits,
		log,
		state,
		proxyProtocol: proxies && {trusted: proxies},
	});
	let web: WebServer | undefined;
	let removeSignalHandlers = (): void => {};

	// One handler for the whole run. It must stay attached while sessions exist: Ink's signal-exit
	// re-raises a signal that finds no other listener, which would kill the process mid-goodbye.
	// It is there before the port opens, so a stop sent as soon as "listening" is logged is clean.
	let signalCount = 0;
	const signalled = new Promise<NodeJS.Signals>((resolve) => {
		const onSignal = (name: NodeJS.Signals): void => {
			signalCount++;
			if (signalCount === 1) {
				resolve(name);
			} else {
				// A second signal while closing means "now".
				process.exit(1);
			}
		};

		process.on('SIGTERM', onSignal);
		process.on('SIGINT', onSignal);
		removeSignalHandlers = () => {
			process.off('SIGTERM', onSignal);
			process.off('SIGINT', onSignal);
		};
	});
	let boundPort: number;
	try {
		boundPort = await server.listen();
	} catch (error) {
		removeSignalHandlers();
		return fail(`cannot listen on ${host}:${port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 1);
	}

	let boundWebPort = webPort;
	if (assets) {
		web = createWebServer({host, port: webPort, state, assets, origins, log});
		try {
			boundWebPort = await web.listen();
		} catch (error) {
			await server.shutdown(0);
			removeSignalHandlers();
			return fail(`cannot listen on ${host}:${webPort}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 1);
		}
	}

	log(`balakumaran serve: host key ${key.key.path}${key.key.isNew ? ' (new)' : ''} ${key.key.fingerprint}`);
	if (proxies) {
		log(`balakumaran serve: PROXY protocol required, from ${proxies.rules.join(', ')} only`);
	}

	log(`balakumaran serve: listening on ${host}:${boundPort}; try: ssh -p ${boundPort} ${host === '0.0.0.0' || host === '::' ? 'localhost' : host}`);
	if (web) {
		const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
		log(`balakumaran serve: web page on ${host}:${boundWebPort}; try: http://${shownHost}:${boundWebPort}/`);
	}

	// One visitor's session must never end everyone else's: report, and keep serving.
	const report = (error: unknown): void => {
		log(`balakumaran serve: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	};

	process.on('uncaughtException', report);
	process.on('unhandledRejection', report);
	const signal = await signalled;
	log(`balakumaran serve: ${signal}: closing every session`);
	await Promise.all([server.shutdown(5000), web?.shutdown(5000)]);
	log('balakumaran serve: stopped');
	process.off('uncaughtException', report);
	process.off('unhandledRejection', report);
	removeSignalHandlers();
	// Everything is closed, so the process ends by itself; this only guards against a stray handle.
	setTimeout(() => {
		process.exit(0);
	}, 1000).unref();
	return 0;
}
