// `balakumaran serve`'s flags, parsed by meow and checked without loading the server: the bin
// answers --help, --version and every flag error itself, and hands the server what it parsed.
import pkg from '../../package.json' with {type: 'json'};
import {parseWithMeow} from '../cli/meow-flags.js';
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

Memory
  --unmount-after <seconds>    a visitor's app is unmounted this long after their last key;
                               their screen stays, and the next key mounts it again
                               (default: 10)

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

type Values = Readonly<Record<string, unknown>>;

/** A flag's name as meow keys it: --max-per-address is maxPerAddress. */
const camelCase = (name: string): string => name.replaceAll(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

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
	'unmount-after',
	'web-port',
] as const;

/** The flags as given (values unchecked), or what is wrong in one line. */
function parse(argv: readonly string[]): {readonly ok: true; readonly values: Values} | {readonly ok: false; readonly error: string} {
	const parsed = parseWithMeow(
		{
			argv: [...argv],
			// meow reads importMeta only to find package.json, and `pkg` is given.
			importMeta: {url: 'file:///'} as ImportMeta,
			pkg,
			help: serveHelpText,
			description: false,
			helpIndent: 0,
			allowUnknownFlags: false,
			flags: {
				...Object.fromEntries(valueOptions.map((name) => [camelCase(name), {type: 'string'}] as const)),
				webOrigin: {type: 'string', isMultiple: true},
				trustedProxy: {type: 'string', isMultiple: true},
				fingerprint: {type: 'boolean', default: false},
				proxyProtocol: {type: 'boolean', default: false},
			},
		},
		[...valueOptions, 'web-origin', 'trusted-proxy'].map((name) => `--${name}`),
	);
	if (!parsed.ok) {
		return parsed;
	}

	const [unexpected] = parsed.cli.input;
	if (unexpected !== undefined) {
		return {ok: false, error: `unexpected argument '${unexpected}'; see --help`};
	}

	return {ok: true, values: parsed.cli.flags};
}

/** Flag `name` (as typed: 'web-port') as meow parsed it. */
const valueOf = (values: Values, name: string): unknown => values[camelCase(name)];

/** The text of flag `name`, if given. */
function text(values: Values, name: string): string | undefined {
	const value = valueOf(values, name);
	return typeof value === 'string' ? value : undefined;
}

/** A whole number from min to max, or an error naming the flag. */
function integer(values: Values, name: string, fallback: number, min: number, max: number): number | string {
	const raw = text(values, name);
	if (raw === undefined) {
		return fallback;
	}

	const value = Number(raw);
	return Number.isInteger(value) && value >= min && value <= max ? value : `invalid --${name} '${raw}': expected a whole number from ${min} to ${max}`;
}

/** Seconds (fractions allowed, for tests) as milliseconds. */
function seconds(values: Values, name: string, fallbackMs: number): number | string {
	const raw = text(values, name);
	if (raw === undefined) {
		return fallbackMs;
	}

	const value = Number(raw);
	return Number.isFinite(value) && value > 0 && value <= 7 * 24 * 3600 ? Math.round(value * 1000) : `invalid --${name} '${raw}': expected seconds, more than 0`;
}

/** The values of a repeatable flag. */
const all = (values: Values, name: string): readonly string[] => (valueOf(values, name) as readonly string[] | undefined) ?? [];

/** The trusted balancers with --proxy-protocol, undefined without it, or what is wrong. */
function proxyOptions(values: Values): TrustedProxies | undefined | string {
	const rules = all(values, 'trusted-proxy');
	if (valueOf(values, 'proxy-protocol') !== true) {
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

export type ServeCommand = {readonly ok: true; readonly flags: ServeFlags} | {readonly ok: false; readonly error: string};

/** What `balakumaran serve <argv>` asks for. --help and --version print and exit here. */
export function parseServeFlags(argv: readonly string[]): ServeCommand {
	const parsed = parse(argv);
	if (!parsed.ok) {
		return parsed;
	}

	const {values} = parsed;
	const numbers = {
		port: integer(values, 'port', 2222, 0, 65_535),
		webPort: integer(values, 'web-port', -1, 0, 65_535),
		maxSessions: integer(values, 'max-sessions', defaultLimits.maxSessions, 1, 100_000),
		maxPerAddress: integer(values, 'max-per-address', defaultLimits.maxPerAddress, 1, 100_000),
		connectionsPerMinute: integer(values, 'rate-per-address', defaultLimits.connectionsPerMinute, 1, 1_000_000),
		loginTimeoutMs: seconds(values, 'login-timeout', defaultLimits.loginTimeoutMs),
		idleTimeoutMs: seconds(values, 'idle-timeout', defaultLimits.idleTimeoutMs),
		maxSessionMs: seconds(values, 'max-session', defaultLimits.maxSessionMs),
		keysPerSecond: integer(values, 'key-rate', defaultLimits.keysPerSecond, 1, 1_000_000),
		unmountAfterMs: seconds(values, 'unmount-after', defaultLimits.unmountAfterMs),
	};
	for (const value of Object.values(numbers)) {
		if (typeof value === 'string') {
			return {ok: false, error: value};
		}
	}

	const {port, webPort, ...limitValues} = numbers as Record<keyof typeof numbers, number>;
	const limits: Limits = limitValues;
	const proxies = proxyOptions(values);
	if (typeof proxies === 'string') {
		return {ok: false, error: proxies};
	}

	const origins: string[] = [];
	for (const value of all(values, 'web-origin')) {
		const origin = parseOrigin(value);
		if (origin === undefined) {
			return {ok: false, error: `invalid --web-origin '${value}': expected http:// or https:// and a host, with no path (e.g. https://your.domain)`};
		}

		origins.push(origin);
	}

	if (origins.length > 0 && webPort < 0) {
		return {ok: false, error: '--web-origin needs --web-port'};
	}

	return {
		ok: true,
		flags: {
			host: text(values, 'host') ?? '0.0.0.0',
			port,
			webPort,
			limits,
			proxies,
			origins,
			hostKeyPath: text(values, 'host-key'),
			isFingerprint: valueOf(values, 'fingerprint') === true,
			resumeFile: text(values, 'resume'),
		},
	};
}
