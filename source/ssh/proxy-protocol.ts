// Connections through a load balancer that speaks the PROXY protocol, for any net.Server listener
// to put before its own handler. A connection from an address that is not trusted is closed at
// once, unread. A trusted one must send a whole, valid header within the deadline; nothing is
// written to it before then, and what follows the header is left on the socket for the handler.
import {isIPv4, type Socket} from 'node:net';
import {readProxyHeader, type Endpoint, type HeaderProblem} from './proxy-header.js';
import {canonicalAddress, type TrustedProxies} from './trusted-proxy.js';

export type ProxyProtocolOptions = {
	readonly trusted: TrustedProxies;
	/** From accept to the header's last byte. */
	readonly timeoutMs: number;
};

/** Why a connection was closed unanswered (the log's `end=proxy:<reason>`). */
export type ProxyRefusal = 'untrusted' | HeaderProblem | 'timeout' | 'incomplete';

export type Arrival =
	/** Relayed for `visitor`; the socket is paused, with the visitor's first bytes still on it. */
	| {readonly kind: 'visitor'; readonly peer: Endpoint; readonly visitor: Endpoint}
	/** The balancer's own connection (a health check): no visitor, nothing to limit or log. */
	| {readonly kind: 'balancer'; readonly peer: Endpoint}
	/** Already destroyed. */
	| {readonly kind: 'refused'; readonly peer: Endpoint; readonly reason: ProxyRefusal};

/** The other end of a socket: the balancer, or a visitor connecting directly. */
export function peerOf(socket: Socket): Endpoint {
	const address = canonicalAddress(socket.remoteAddress ?? 'unknown');
	return {address, port: socket.remotePort ?? 0, family: isIPv4(address) ? 'IPv4' : 'IPv6'};
}

/** Reads the PROXY header of a new connection, then calls `done` exactly once. */
export function receiveProxied(socket: Socket, options: ProxyProtocolOptions, done: (arrival: Arrival) => void): void {
	const peer = peerOf(socket);
	if (!options.trusted.isTrusted(peer.address)) {
		socket.destroy();
		done({kind: 'refused', peer, reason: 'untrusted'});
		return;
	}

	let received: Buffer = Buffer.alloc(0);
	let isSettled = false;
	const settle = (arrival: Arrival): void => {
		if (isSettled) {
			return;
		}

		isSettled = true;
		clearTimeout(timer);
		socket.off('data', onData);
		socket.off('close', onClose);
		done(arrival);
	};

	const refuse = (reason: ProxyRefusal): void => {
		socket.destroy();
		settle({kind: 'refused', peer, reason});
	};

	const onData = (chunk: Buffer): void => {
		received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
		const read = readProxyHeader(received);
		if (read.kind === 'incomplete') {
			return;
		}

		if (read.kind === 'invalid') {
			refuse(read.problem);
			return;
		}

		// Paused before anyone else reads: the rest is the visitor's, handed back in order.
		socket.pause();
		const rest = received.subarray(read.length);
		if (rest.length > 0) {
			socket.unshift(rest);
		}

		settle(read.header.kind === 'local' ? {kind: 'balancer', peer} : {kind: 'visitor', peer, visitor: read.header.source});
	};

	const onClose = (): void => {
		refuse(received.length === 0 ? 'no-header' : 'incomplete');
	};

	const timer = setTimeout(() => {
		refuse('timeout');
	}, options.timeoutMs);
	socket.on('data', onData);
	socket.once('close', onClose);
}
