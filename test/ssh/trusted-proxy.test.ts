// --trusted-proxy: which peers may send a PROXY header, as addresses and CIDR ranges.
import {describe, expect, it} from 'vitest';
import {canonicalAddress, trustedProxies, type TrustedProxies} from '../../source/ssh/trusted-proxy.js';

function trust(...rules: string[]): TrustedProxies {
	const result = trustedProxies(rules);
	if (!result.ok) {
		throw new Error(result.error);
	}

	return result.proxies;
}

describe('the trust rule', () => {
	it.each([
		[['10.0.0.5'], '10.0.0.5', true],
		[['10.0.0.5'], '10.0.0.6', false],
		[['10.0.0.5'], '::ffff:10.0.0.5', true],
		[['10.0.0.5'], '::ffff:a00:5', true],
		[['10.0.0.0/8'], '10.255.1.2', true],
		[['10.0.0.0/8'], '11.0.0.1', false],
		[['10.0.0.0/8'], '9.255.255.255', false],
		[['10.0.0.0/8'], '::ffff:10.1.2.3', true],
		[['192.0.2.128/25'], '192.0.2.127', false],
		[['192.0.2.128/25'], '192.0.2.128', true],
		[['192.0.2.128/25'], '192.0.2.255', true],
		[['2001:db8::1'], '2001:db8::1', true],
		[['2001:DB8:0:0:0:0:0:1'], '2001:db8::1', true],
		[['2001:db8::1'], '2001:DB8::0:1', true],
		[['2001:db8::1'], '2001:db8::2', false],
		[['fd00::/8'], 'fd12:3456::1', true],
		[['fd00::/8'], 'fe80::1', false],
		[['2001:db8:1::/48'], '2001:db8:1:ffff::1', true],
		[['2001:db8:1::/48'], '2001:db8:2::1', false],
		// An IPv4-mapped rule is the IPv4 rule it maps.
		[['::ffff:192.0.2.0/120'], '192.0.2.7', true],
		[['::ffff:192.0.2.0/120'], '::ffff:192.0.2.7', true],
		[['::ffff:192.0.2.0/120'], '192.0.3.7', false],
		[['::ffff:192.0.2.7'], '192.0.2.7', true],
		// Families never cross otherwise.
		[['10.0.0.0/8'], '::a00:1', false],
		[['2001:db8::/32'], '10.0.0.1', false],
		[['127.0.0.1'], 'localhost', false],
		[['127.0.0.1'], 'unknown', false],
		[['127.0.0.1', 'fd00::/8', '10.1.0.0/16'], '10.1.200.3', true],
		[['127.0.0.1', 'fd00::/8', '10.1.0.0/16'], 'fd00::9', true],
		[['127.0.0.1', 'fd00::/8', '10.1.0.0/16'], '10.2.0.1', false],
	])('%j trusts %s: %s', (rules, address, expected) => {
		expect(trust(...rules).isTrusted(address)).toBe(expected);
	});

	it('lists its rules normalised, for the start-up log', () => {
		expect(trust('10.0.0.5', '10.0.0.0/8', '2001:DB8::0:1', 'FD00::/8', '::ffff:192.0.2.0/120', '10.0.0.5/32').rules).toEqual([
			'10.0.0.5',
			'10.0.0.0/8',
			'2001:db8::1',
			'fd00::/8',
			'192.0.2.0/24',
			'10.0.0.5',
		]);
	});

	it.each([
		['example.com', "invalid --trusted-proxy 'example.com': expected an address or a CIDR range (10.0.0.5, 10.0.0.0/8, fd00::/8)"],
		['', "invalid --trusted-proxy '': expected an address or a CIDR range (10.0.0.5, 10.0.0.0/8, fd00::/8)"],
		['10.0.0.0/', "invalid --trusted-proxy '10.0.0.0/': expected an address or a CIDR range (10.0.0.5, 10.0.0.0/8, fd00::/8)"],
		['10.0.0/8', "invalid --trusted-proxy '10.0.0/8': expected an address or a CIDR range (10.0.0.5, 10.0.0.0/8, fd00::/8)"],
		['fe80::1%eth0', "invalid --trusted-proxy 'fe80::1%eth0': expected an address or a CIDR range (10.0.0.5, 10.0.0.0/8, fd00::/8)"],
		['10.0.0.0/33', "invalid --trusted-proxy '10.0.0.0/33': a IPv4 prefix is at most /32"],
		['::/129', "invalid --trusted-proxy '::/129': a IPv6 prefix is at most /128"],
		['0.0.0.0/0', "invalid --trusted-proxy '0.0.0.0/0': that trusts every address; name the load balancers' addresses"],
		['::/0', "invalid --trusted-proxy '::/0': that trusts every address; name the load balancers' addresses"],
		['10.0.0.5/8', "invalid --trusted-proxy '10.0.0.5/8': address bits set beyond the /8 prefix"],
		['2001:db8::1/64', "invalid --trusted-proxy '2001:db8::1/64': address bits set beyond the /64 prefix"],
	])('refuses %j: %s', (rule, error) => {
		expect(trustedProxies(['127.0.0.1', rule])).toEqual({ok: false, error});
	});
});

describe('canonicalAddress', () => {
	it.each([
		['192.0.2.1', '192.0.2.1'],
		['::ffff:192.0.2.1', '192.0.2.1'],
		['::FFFF:192.0.2.1', '192.0.2.1'],
		['::ffff:c000:201', '192.0.2.1'],
		['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
		['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
		['::1', '::1'],
		['unknown', 'unknown'],
	])('writes %s as %s', (address, canonical) => {
		expect(canonicalAddress(address)).toBe(canonical);
	});
});
