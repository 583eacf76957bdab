// Who may tell us a visitor's address: the load balancers named with --trusted-proxy, as single
// addresses or CIDR ranges, IPv4 or IPv6. Anyone else's PROXY header is never read.
import {BlockList, isIPv4, isIPv6} from 'node:net';

export type TrustedProxies = {
	/** Whether a connection from `address` (as the socket reports it) may carry a PROXY header. */
	readonly isTrusted: (address: string) => boolean;
	/** The rules, as given but normalised (for the start-up log). */
	readonly rules: readonly string[];
};

export type TrustedProxiesResult = {readonly ok: true; readonly proxies: TrustedProxies} | {readonly ok: false; readonly error: string};

/** RFC 5952 text of an IPv6 address, or undefined (a zone index such as %eth0 is not ours to trust). */
function ipv6Text(address: string): string | undefined {
	try {
		// The WHATWG URL parser writes IPv6 hosts canonically: lower case, the longest zero run as ::.
		return new URL(`http://[${address}]/`).hostname.slice(1, -1);
	} catch {
		return undefined;
	}
}

/** The bytes of an IPv4 or IPv6 address (4 or 16), or undefined. */
function addressBytes(address: string): number[] | undefined {
	if (isIPv4(address)) {
		return address.split('.').map(Number);
	}

	const text = isIPv6(address) ? ipv6Text(address) : undefined;
	if (text === undefined) {
		return undefined;
	}

	const [head = '', tail = ''] = text.split('::');
	const headWords = head === '' ? [] : head.split(':');
	const tailWords = tail === '' ? [] : tail.split(':');
	const words = text.includes('::') ? [...headWords, ...Array.from({length: 8 - headWords.length - tailWords.length}, () => '0'), ...tailWords] : headWords;
	return words.flatMap((word) => {
		const value = Number.parseInt(word, 16);
		return [value >> 8, value & 0xff];
	});
}

/** Whether 16 address bytes are an IPv4-mapped IPv6 address (::ffff:a.b.c.d). */
const isMapped = (bytes: readonly number[]): boolean =>
	bytes.length === 16 && bytes.slice(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;

/**
 * One spelling per address: an IPv4 peer of a dual-stack socket (`::ffff:192.0.2.1`) is the IPv4
 * address itself, and IPv6 is written as RFC 5952 says, so limits and logs count one visitor once
 * however the address reached us.
 */
export function canonicalAddress(address: string): string {
	if (isIPv4(address) || !isIPv6(address)) {
		return address;
	}

	const bytes = addressBytes(address);
	if (bytes && isMapped(bytes)) {
		return bytes.slice(12).join('.');
	}

	return ipv6Text(address) ?? address;
}

type Rule = {readonly network: string; readonly prefix: number; readonly family: 'ipv4' | 'ipv6'};

function parseRule(value: string): Rule | string {
	const problem = `invalid --trusted-proxy '${value}': expected an address or a CIDR range (10.0.0.5, 10.0.0.0/8, fd00::/8)`;
	const match = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(value.trim());
	if (!match?.[1]) {
		return problem;
	}

	let bytes = addressBytes(match[1]);
	let prefix = match[2] === undefined ? undefined : Number(match[2]);
	if (!bytes) {
		return problem;
	}

	// An IPv4-mapped IPv6 rule is the IPv4 rule it maps: ::ffff:10.0.0.0/104 is 10.0.0.0/8.
	if (isMapped(bytes) && (prefix === undefined || prefix >= 96)) {
		bytes = bytes.slice(12);
		prefix = prefix === undefined ? undefined : prefix - 96;
	}

	const family = bytes.length === 4 ? 'ipv4' : 'ipv6';
	const bits = bytes.length * 8;
	prefix ??= bits;
	if (prefix > bits) {
		return `invalid --trusted-proxy '${value}': a ${family === 'ipv4' ? 'IPv4' : 'IPv6'} prefix is at most /${bits}`;
	}

	if (prefix === 0) {
		return `invalid --trusted-proxy '${value}': that trusts every address; name the load balancers' addresses`;
	}

	// A range written with host bits set (10.0.0.5/8) is most likely a typo for something narrower.
	const hasHostBits = bytes.some((byte, index) => {
		const kept = Math.min(8, Math.max(0, prefix - index * 8));
		return (byte & (0xff >> kept)) !== 0;
	});
	if (hasHostBits) {
		return `invalid --trusted-proxy '${value}': address bits set beyond the /${prefix} prefix`;
	}

	const network = family === 'ipv4' ? bytes.join('.') : canonicalAddress(match[1]);
	return {network, prefix, family};
}

/** The trust rule for the given --trusted-proxy values, or the first one that is wrong. */
export function trustedProxies(values: readonly string[]): TrustedProxiesResult {
	const list = new BlockList();
	const rules: string[] = [];
	for (const value of values) {
		const rule = parseRule(value);
		if (typeof rule === 'string') {
			return {ok: false, error: rule};
		}

		list.addSubnet(rule.network, rule.prefix, rule.family);
		rules.push(rule.prefix === (rule.family === 'ipv4' ? 32 : 128) ? rule.network : `${rule.network}/${rule.prefix}`);
	}

	return {
		ok: true,
		proxies: {
			isTrusted(address) {
				const canonical = canonicalAddress(address);
				if (isIPv4(canonical)) {
					return list.check(canonical, 'ipv4');
				}

				return isIPv6(canonical) && list.check(canonical, 'ipv6');
			},
			rules,
		},
	};
}
