// The PROXY protocol header (HAProxy's proxy-protocol.txt, v1 text and v2 binary) a load balancer
// puts before a connection's first byte to say whom it is relaying. proxy-protocol-js decodes the
// fields; this finds where the header ends, bounds its size, and believes only well-formed
// addresses: everything in it comes from the network.
import {isIPv4, isIPv6} from 'node:net';
import proxyProtocol from 'proxy-protocol-js';
import {canonicalAddress} from './trusted-proxy.js';

// CommonJS: a default import works alike under Node, vitest and the bundle.
const {V1ProxyProtocol, V2ProxyProtocol, Command, AddressFamilyType, TransportProtocol, IPv4ProxyAddress, IPv6ProxyAddress} = proxyProtocol;

export type Endpoint = {readonly address: string; readonly port: number; readonly family: 'IPv4' | 'IPv6'};

export type ProxyHeader =
	/** A relayed connection: `source` is the visitor. */
	| {readonly kind: 'proxy'; readonly version: 1 | 2; readonly source: Endpoint; readonly destination: Endpoint}
	/**
	 * The balancer's own connection, with no visitor behind it: v2 LOCAL (a health check), or a
	 * header that names no address (v1 UNKNOWN, v2 UNSPEC).
	 */
	| {readonly kind: 'local'; readonly version: 1 | 2};

/** Why bytes are not a header we accept (the log's `end=proxy:<reason>`). */
export type HeaderProblem = 'no-header' | 'malformed' | 'oversized' | 'unsupported';

export type HeaderRead =
	| {readonly kind: 'incomplete'}
	| {readonly kind: 'invalid'; readonly problem: HeaderProblem; readonly detail: string}
	/** `length` bytes were the header; whatever follows is the connection's own. */
	| {readonly kind: 'header'; readonly header: ProxyHeader; readonly length: number};

const v1Signature = Buffer.from('PROXY ', 'latin1');
const v2Signature = Buffer.from([0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a]);
/** The v1 line at its longest, CRLF included (proxy-protocol.txt, 2.1). */
export const maxV1Bytes = 107;
/**
 * The v2 header at its longest that we read: 16 fixed bytes, the addresses (36 for IPv6) and room
 * for the TLVs cloud balancers add (their IDs are tens of bytes). The format allows 64 KB.
 */
export const maxV2Bytes = 16 + 2048;

const incomplete: HeaderRead = {kind: 'incomplete'};
const invalid = (problem: HeaderProblem, detail: string): HeaderRead => ({kind: 'invalid', problem, detail});

/** Whether `bytes` (possibly still short) agree with `signature` as far as they go. */
const startsLike = (bytes: Buffer, signature: Buffer): boolean => bytes.subarray(0, signature.length).equals(signature.subarray(0, Math.min(bytes.length, signature.length)));

function endpoint(address: string, port: number, family: 'IPv4' | 'IPv6'): Endpoint | undefined {
	const isValid = family === 'IPv4' ? isIPv4(address) : isIPv6(address) && !address.includes('%');
	if (!isValid || !Number.isInteger(port) || port < 0 || port > 65_535) {
		return undefined;
	}

	// A v6 balancer reports IPv4 visitors as ::ffff:a.b.c.d: they are IPv4 visitors.
	const canonical = canonicalAddress(address);
	return {address: canonical, port, family: isIPv4(canonical) ? 'IPv4' : 'IPv6'};
}

function readV1(bytes: Buffer): HeaderRead {
	const end = bytes.subarray(0, maxV1Bytes).indexOf('\r\n');
	if (end === -1) {
		return bytes.length >= maxV1Bytes ? invalid('oversized', `no CRLF within ${maxV1Bytes} bytes`) : incomplete;
	}

	const length = end + 2;
	const line = bytes.subarray(0, end).toString('latin1');
	if (!/^[\x20-\x7E]*$/.test(line)) {
		return invalid('malformed', 'a v1 header is printable ASCII');
	}

	// UNKNOWN: "the receiver must ignore anything presented before the CRLF" (2.1).
	if (line === 'PROXY UNKNOWN' || line.startsWith('PROXY UNKNOWN ')) {
		return {kind: 'header', header: {kind: 'local', version: 1}, length};
	}

	const fields = line.split(' ');
	if (fields.length !== 6 || !/^(?:0|[1-9]\d{0,4})$/.test(fields[4] ?? '') || !/^(?:0|[1-9]\d{0,4})$/.test(fields[5] ?? '')) {
		return invalid('malformed', 'a v1 header is PROXY TCP4|TCP6 <source> <destination> <source port> <destination port>');
	}

	let parsed: InstanceType<typeof V1ProxyProtocol>;
	try {
		parsed = V1ProxyProtocol.parse(`${line}\r\n`);
	} catch {
		return invalid('malformed', 'not a v1 header');
	}

	const family = parsed.inetProtocol === 'TCP4' ? 'IPv4' : parsed.inetProtocol === 'TCP6' ? 'IPv6' : undefined;
	if (family === undefined) {
		return invalid('malformed', 'a v1 protocol is TCP4, TCP6 or UNKNOWN');
	}

	const source = endpoint(parsed.source.ipAddress, parsed.source.port, family);
	const destination = endpoint(parsed.destination.ipAddress, parsed.destination.port, family);
	if (!source || !destination) {
		return invalid('malformed', `an address or port that is not ${family}`);
	}

	return {kind: 'header', header: {kind: 'proxy', version: 1, source, destination}, length};
}

/** An IPv6 address from its 16 bytes, as text. */
const ipv6From = (bytes: readonly number[]): string =>
	Array.from({length: 8}, (_, index) => (((bytes[2 * index] ?? 0) << 8) | (bytes[2 * index + 1] ?? 0)).toString(16)).join(':');

function readV2(bytes: Buffer): HeaderRead {
	if (bytes.length < 16) {
		return incomplete;
	}

	const length = 16 + bytes.readUInt16BE(14);
	if (length > maxV2Bytes) {
		return invalid('oversized', `a v2 header of ${length} bytes; at most ${maxV2Bytes} are read`);
	}

	if (bytes.length < length) {
		return incomplete;
	}

	let parsed: InstanceType<typeof V2ProxyProtocol>;
	try {
		parsed = V2ProxyProtocol.parse(new Uint8Array(bytes.subarray(0, length)));
	} catch (error) {
		// The library throws plain objects with a message.
		return invalid('malformed', String((error as {readonly message?: unknown}).message ?? 'not a v2 header'));
	}

	if (parsed.command === Command.LOCAL) {
		// "The receiver must ... use the real connection endpoints and discard the protocol block" (2.2).
		return {kind: 'header', header: {kind: 'local', version: 2}, length};
	}

	if (parsed.addressFamilyType === AddressFamilyType.UNSPEC) {
		return {kind: 'header', header: {kind: 'local', version: 2}, length};
	}

	if (parsed.transportProtocol !== TransportProtocol.STREAM) {
		return invalid('unsupported', 'a v2 header for a transport other than TCP');
	}

	const address = parsed.proxyAddress;
	let source: Endpoint | undefined;
	let destination: Endpoint | undefined;
	if (address instanceof IPv4ProxyAddress) {
		source = endpoint(address.sourceAddress.address.join('.'), address.sourcePort, 'IPv4');
		destination = endpoint(address.destinationAddress.address.join('.'), address.destinationPort, 'IPv4');
	} else if (address instanceof IPv6ProxyAddress) {
		source = endpoint(ipv6From(address.sourceAddress.address), address.sourcePort, 'IPv6');
		destination = endpoint(ipv6From(address.destinationAddress.address), address.destinationPort, 'IPv6');
	} else {
		return invalid('unsupported', 'a v2 header for a Unix socket');
	}

	if (!source || !destination) {
		return invalid('malformed', 'a v2 address that is not one');
	}

	return {kind: 'header', header: {kind: 'proxy', version: 2, source, destination}, length};
}

/**
 * Reads a PROXY header from the first bytes of a connection: `incomplete` while more bytes could
 * still make one (never past maxV2Bytes), `invalid` as soon as they cannot.
 */
export function readProxyHeader(bytes: Buffer): HeaderRead {
	if (bytes.length === 0) {
		return incomplete;
	}

	if (startsLike(bytes, v2Signature)) {
		return bytes.length < v2Signature.length ? incomplete : readV2(bytes);
	}

	if (startsLike(bytes, v1Signature)) {
		return bytes.length < v1Signature.length ? incomplete : readV1(bytes);
	}

	return invalid('no-header', 'the connection does not start with a PROXY header');
}
