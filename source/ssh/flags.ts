// `balakumaran serve`'s flags, parsed and checked without loading the server: the bin answers
// --help and every flag error itself, and hands the server what it parsed.
import {parseArgs} from 'node:util';
import {parseOrigin} from '../web/origin.js';
import {defaultLimits, type Limits} from './limits.js';
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

export type ServeFlags = {
	readonly host: string;
	readonly port: number;
	/** -1 when no web page is served. */
	readonly webPort: number;
	readonly limits: Limits;
	readonly proxies?: TrustedProxies;
	readonly origins: readonly string[];
	readonly hostKeyPath?: string;
	readonly isFingerprint: boolean;
	readonly resumeFile?: string;
};

export type ServeCommand = {readonly kind: 'help'} | {readonly kind: 'error'; readonly message: string} | {readonly kind: 'run'; readonly flags: ServeFlags};

/** What `balakumaran serve <argv>` asks for. */
export function parseServeFlags(argv: readonly string[]): ServeCommand {
	const parsed = parse(argv);
	if (!parsed.ok) {
		return {kind: 'error', message: parsed.error};
	}

	if (parsed.values['help']) {
		return {kind: 'help'};
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
			return {kind: 'error', message: value};
		}
	}

	const {port, webPort, ...limitValues} = numbers as Record<keyof typeof numbers, number>;
	const limits: Limits = limitValues;
	const proxies = proxyOptions(parsed);
	if (typeof proxies === 'string') {
		return {kind: 'error', message: proxies};
	}

	const origins: string[] = [];
	for (const value of (parsed.values['web-origin'] as string[] | undefined) ?? []) {
		const origin = parseOrigin(value);
		if (origin === undefined) {
			return {kind: 'error', message: `invalid --web-origin '${value}': expected http:// or https:// and a host, with no path (e.g. https://your.domain)`};
		}

		origins.push(origin);
	}

	if (origins.length > 0 && webPort < 0) {
		return {kind: 'error', message: '--web-origin needs --web-port'};
	}

	const text = (name: string): string | undefined => (typeof parsed.values[name] === 'string' ? (parsed.values[name] as string) : undefined);
	return {
		kind: 'run',
		flags: {
			host: text('host') ?? '0.0.0.0',
			port,
			webPort,
			limits,
			proxies,
			origins,
			hostKeyPath: text('host-key'),
			isFingerprint: parsed.values['fingerprint'] === true,
			resumeFile: text('resume'),
		},
	};
}
