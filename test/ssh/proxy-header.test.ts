// PROXY headers as proxy-protocol.txt defines them (v1 text, v2 binary), read from a connection's
// first bytes: where the header ends, what it says, and every way it can be wrong.
import {describe, expect, it} from 'vitest';
import {maxV1Bytes, maxV2Bytes, readProxyHeader} from '../../source/ssh/proxy-header.js';

const v2Signature = [0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a];

/** A v2 header: signature, version/command, family/transport, length, then the rest. */
function v2(versionCommand: number, familyTransport: number, body: readonly number[], length = body.length): Buffer {
	return Buffer.from([...v2Signature, versionCommand, familyTransport, length >> 8, length & 0xff, ...body]);
}

const port = (value: number): number[] => [value >> 8, value & 0xff];
const tcp4Body = [192, 0, 2, 1, 198, 51, 100, 7, ...port(56_324), ...port(2222)];
const ipv6 = (words: readonly number[]): number[] => words.flatMap((word) => port(word));
const tcp6Body = [...ipv6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]), ...ipv6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 2]), ...port(40_112), ...port(22)];

describe('a v1 header', () => {
	it('gives the visitor of the specification example, and leaves what follows it', () => {
		const bytes = Buffer.from('PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\nGET / HTTP/1.1\r\nHost: 192.168.0.11\r\n\r\n');
		const read = readProxyHeader(bytes);
		expect(read).toEqual({
			kind: 'header',
			length: 47,
			header: {
				kind: 'proxy',
				version: 1,
				source: {address: '192.168.0.1', port: 56_324, family: 'IPv4'},
				destination: {address: '192.168.0.11', port: 443, family: 'IPv4'},
			},
		});
		expect(bytes.subarray(47).toString()).toBe('GET / HTTP/1.1\r\nHost: 192.168.0.11\r\n\r\n');
	});

	it.each([
		['PROXY TCP4 255.255.255.255 255.255.255.255 65535 65535\r\n', {address: '255.255.255.255', port: 65_535, family: 'IPv4'}],
		['PROXY TCP4 0.0.0.0 0.0.0.0 0 0\r\n', {address: '0.0.0.0', port: 0, family: 'IPv4'}],
		[
			'PROXY TCP6 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff 65535 65535\r\n',
			{address: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', port: 65_535, family: 'IPv6'},
		],
		['PROXY TCP6 2001:DB8:0:0:0:0:0:1 2001:db8::2 40112 22\r\n', {address: '2001:db8::1', port: 40_112, family: 'IPv6'}],
		['PROXY TCP6 ::ffff:203.0.113.9 ::ffff:198.51.100.1 40112 22\r\n', {address: '203.0.113.9', port: 40_112, family: 'IPv4'}],
	])('reads the visitor of %j, canonically', (line, source) => {
		const read = readProxyHeader(Buffer.from(line));
		expect(read).toMatchObject({kind: 'header', length: line.length, header: {kind: 'proxy', version: 1, source}});
	});

	it('reads the 104-byte TCP6 worst case and the 107-byte UNKNOWN one within the limit', () => {
		const all = 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff';
		expect(`PROXY TCP6 ${all} ${all} 65535 65535\r\n`).toHaveLength(104);
		const unknown = `PROXY UNKNOWN ${all} ${all} 65535 65535\r\n`;
		expect(unknown).toHaveLength(maxV1Bytes);
		expect(readProxyHeader(Buffer.from(unknown))).toEqual({kind: 'header', length: 107, header: {kind: 'local', version: 1}});
	});

	it('takes UNKNOWN as the balancer itself: no visitor is named', () => {
		expect(readProxyHeader(Buffer.from('PROXY UNKNOWN\r\nSSH-2.0-x\r\n'))).toEqual({kind: 'header', length: 15, header: {kind: 'local', version: 1}});
	});

	it('is incomplete at every byte short of its CRLF', () => {
		const line = 'PROXY TCP4 192.0.2.1 198.51.100.7 56324 2222\r\n';
		for (let length = 1; length < line.length; length++) {
			expect(readProxyHeader(Buffer.from(line.slice(0, length))), line.slice(0, length)).toEqual({kind: 'incomplete'});
		}
	});

	it('is oversized when no CRLF comes within 107 bytes', () => {
		const long = Buffer.from(`PROXY TCP4 ${'1'.repeat(200)}`);
		expect(readProxyHeader(long.subarray(0, maxV1Bytes - 1))).toEqual({kind: 'incomplete'});
		expect(readProxyHeader(long.subarray(0, maxV1Bytes))).toMatchObject({kind: 'invalid', problem: 'oversized'});
		expect(readProxyHeader(long)).toMatchObject({kind: 'invalid', problem: 'oversized'});
		// A CRLF just past the limit is too late.
		const late = Buffer.from(`PROXY UNKNOWN ${'x'.repeat(maxV1Bytes - 15)}\r\n`);
		expect(late.length).toBe(maxV1Bytes + 1);
		expect(readProxyHeader(late)).toMatchObject({kind: 'invalid', problem: 'oversized'});
	});

	it.each([
		['PROXY TCP4 192.0.2.1 198.51.100.7 56324\r\n', 'a missing port'],
		['PROXY TCP4 192.0.2.1 198.51.100.7 56324 2222 9\r\n', 'an extra field'],
		['PROXY TCP4  192.0.2.1 198.51.100.7 56324 2222\r\n', 'two spaces'],
		['PROXY TCP4 192.0.2.256 198.51.100.7 56324 2222\r\n', 'an octet over 255'],
		['PROXY TCP4 192.0.2.01 198.51.100.7 56324 2222\r\n', 'a leading zero in an octet'],
		['PROXY TCP4 2001:db8::1 2001:db8::2 56324 2222\r\n', 'IPv6 addresses for TCP4'],
		['PROXY TCP6 192.0.2.1 198.51.100.7 56324 2222\r\n', 'IPv4 addresses for TCP6'],
		['PROXY TCP6 fe80::1%eth0 fe80::2 56324 2222\r\n', 'a zone index'],
		['PROXY TCP4 example.com 198.51.100.7 56324 2222\r\n', 'a host name'],
		['PROXY TCP4 192.0.2.1 198.51.100.7 65536 2222\r\n', 'a port over 65535'],
		['PROXY TCP4 192.0.2.1 198.51.100.7 056324 2222\r\n', 'a leading zero in a port'],
		['PROXY TCP4 192.0.2.1 198.51.100.7 -1 2222\r\n', 'a negative port'],
		['PROXY TCP5 192.0.2.1 198.51.100.7 56324 2222\r\n', 'an unknown protocol'],
		['PROXY tcp4 192.0.2.1 198.51.100.7 56324 2222\r\n', 'a lower-case protocol'],
		['PROXY TCP4 192.0.2.1\t198.51.100.7 56324 2222\r\n', 'a tab'],
		['PROXY TCP4 192.0.2.1 198.51.100.7 56324 2222\n\r\n', 'a bare LF'],
		['PROXY \r\n', 'nothing after PROXY'],
	])('is malformed with %j (%s)', (line) => {
		expect(readProxyHeader(Buffer.from(line))).toMatchObject({kind: 'invalid', problem: 'malformed'});
	});

	it('is malformed with a byte that is not printable ASCII', () => {
		expect(readProxyHeader(Buffer.from('PROXY TCP4 192.0.2.1 198.51.100.7 5632\u00e94 2222\r\n', 'latin1'))).toMatchObject({kind: 'invalid', problem: 'malformed'});
		expect(readProxyHeader(Buffer.from('PROXY TCP4 192.0.2.1\u0000198.51.100.7 56324 2222\r\n', 'latin1'))).toMatchObject({kind: 'invalid', problem: 'malformed'});
	});
});

describe('a v2 header', () => {
	it('gives the TCP4 visitor, and leaves what follows it', () => {
		const bytes = Buffer.concat([v2(0x21, 0x11, tcp4Body), Buffer.from('SSH-2.0-OpenSSH_9.2\r\n')]);
		expect(readProxyHeader(bytes)).toEqual({
			kind: 'header',
			length: 28,
			header: {
				kind: 'proxy',
				version: 2,
				source: {address: '192.0.2.1', port: 56_324, family: 'IPv4'},
				destination: {address: '198.51.100.7', port: 2222, family: 'IPv4'},
			},
		});
		expect(bytes.subarray(28).toString()).toBe('SSH-2.0-OpenSSH_9.2\r\n');
	});

	it('gives the TCP6 visitor, canonically', () => {
		expect(readProxyHeader(v2(0x21, 0x21, tcp6Body))).toEqual({
			kind: 'header',
			length: 52,
			header: {
				kind: 'proxy',
				version: 2,
				source: {address: '2001:db8::1', port: 40_112, family: 'IPv6'},
				destination: {address: '2001:db8::2', port: 22, family: 'IPv6'},
			},
		});
	});

	it('gives an IPv4 visitor of a dual-stack balancer (::ffff:a.b.c.d) as IPv4', () => {
		const mapped = [...ipv6([0, 0, 0, 0, 0, 0xffff, 0xcb00, 0x7109]), ...ipv6([0, 0, 0, 0, 0, 0xffff, 0xc633, 0x6401]), ...port(51_514), ...port(22)];
		expect(readProxyHeader(v2(0x21, 0x21, mapped))).toMatchObject({header: {source: {address: '203.0.113.9', port: 51_514, family: 'IPv4'}}});
	});

	it('skips the TLVs a balancer adds after the addresses', () => {
		// PP2_TYPE_AUTHORITY ("résumé.example"), then a vendor type with 8 bytes.
		const authority = [...Buffer.from('résumé.example')];
		const tlvs = [0x02, 0, authority.length, ...authority, 0xea, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8];
		const bytes = Buffer.concat([v2(0x21, 0x11, [...tcp4Body, ...tlvs]), Buffer.from([0x53])]);
		const read = readProxyHeader(bytes);
		expect(read).toMatchObject({kind: 'header', length: 28 + tlvs.length, header: {source: {address: '192.0.2.1'}}});
	});

	it('takes LOCAL as the balancer itself, as HAProxy sends it with every health check', () => {
		// send-proxy-v2 on a check: version 2, LOCAL, UNSPEC, no address block.
		expect(readProxyHeader(v2(0x20, 0x00, []))).toEqual({kind: 'header', length: 16, header: {kind: 'local', version: 2}});
		// A LOCAL header may still carry an address block and TLVs; they are ignored.
		expect(readProxyHeader(v2(0x20, 0x11, tcp4Body))).toEqual({kind: 'header', length: 28, header: {kind: 'local', version: 2}});
	});

	it('takes PROXY with an UNSPEC family as the balancer itself: no visitor is named', () => {
		expect(readProxyHeader(v2(0x21, 0x00, []))).toEqual({kind: 'header', length: 16, header: {kind: 'local', version: 2}});
	});

	it('is incomplete at every byte short of its declared length', () => {
		const bytes = v2(0x21, 0x21, tcp6Body);
		for (let length = 1; length < bytes.length; length++) {
			expect(readProxyHeader(bytes.subarray(0, length)), `${length} bytes`).toEqual({kind: 'incomplete'});
		}
	});

	it('is oversized as soon as its length field asks for more than the limit', () => {
		expect(readProxyHeader(v2(0x21, 0x11, tcp4Body, 0xffff))).toMatchObject({kind: 'invalid', problem: 'oversized'});
		expect(readProxyHeader(v2(0x21, 0x11, tcp4Body, maxV2Bytes - 16 + 1))).toMatchObject({kind: 'invalid', problem: 'oversized'});
		const atLimit = v2(0x21, 0x11, [...tcp4Body, ...Array.from({length: maxV2Bytes - 16 - tcp4Body.length}, () => 0)]);
		expect(readProxyHeader(atLimit)).toMatchObject({kind: 'header', length: maxV2Bytes});
	});

	it.each([
		[0x11, 0x11, tcp4Body, 'version 1 in a v2 header'],
		[0x31, 0x11, tcp4Body, 'version 3'],
		[0x22, 0x11, tcp4Body, 'an unknown command'],
		[0x21, 0x41, tcp4Body, 'an unknown family'],
		[0x21, 0x13, tcp4Body, 'an unknown transport'],
		[0x21, 0x11, tcp4Body.slice(0, 11), 'an address block too short for TCP4'],
		[0x21, 0x21, tcp4Body, 'an address block too short for TCP6'],
	])('is malformed with %#: %s', (versionCommand, familyTransport, body) => {
		expect(readProxyHeader(v2(versionCommand, familyTransport, body))).toMatchObject({kind: 'invalid', problem: 'malformed'});
	});

	it.each([
		[0x12, 'UDP over IPv4'],
		[0x22, 'UDP over IPv6'],
		[0x10, 'an unspecified transport over IPv4'],
		[0x31, 'a Unix stream socket'],
	])('is unsupported with family/transport %#: %s', (familyTransport) => {
		const body = familyTransport === 0x31 ? Array.from({length: 216}, () => 0) : familyTransport === 0x22 ? tcp6Body : tcp4Body;
		expect(readProxyHeader(v2(0x21, familyTransport, body))).toMatchObject({kind: 'invalid', problem: 'unsupported'});
	});
});

describe('bytes that are no PROXY header', () => {
	it.each([
		['an SSH client', Buffer.from('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n')],
		['an HTTP request', Buffer.from('GET / HTTP/1.1\r\n')],
		['PROXY without its space', Buffer.from('PROXY\r\n')],
		['a lower-case proxy', Buffer.from('proxy TCP4 192.0.2.1 198.51.100.7 1 2\r\n')],
		['a v2 signature wrong in its last byte', Buffer.from([...v2Signature.slice(0, 11), 0x0b, 0x21, 0x11, 0, 12])],
		['a TLS ClientHello', Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01])],
		['a NUL byte', Buffer.from([0])],
	])('%s is refused at its first wrong byte', (_name, bytes) => {
		expect(readProxyHeader(bytes)).toMatchObject({kind: 'invalid', problem: 'no-header'});
	});

	it('waits while the first bytes could still be either signature', () => {
		expect(readProxyHeader(Buffer.alloc(0))).toEqual({kind: 'incomplete'});
		expect(readProxyHeader(Buffer.from('PROX'))).toEqual({kind: 'incomplete'});
		expect(readProxyHeader(Buffer.from(v2Signature.slice(0, 7)))).toEqual({kind: 'incomplete'});
		expect(readProxyHeader(Buffer.from('PROXI'))).toMatchObject({kind: 'invalid', problem: 'no-header'});
	});
});
