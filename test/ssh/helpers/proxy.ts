// What a load balancer sends before a connection's first byte (PROXY v1 and v2 headers), and a
// bare TCP connection to send such bytes and see what, if anything, comes back.
import {connect as connectTcp, isIPv4, type Socket} from 'node:net';

const v2Signature = [0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a];

export type Peer = {readonly address: string; readonly port: number};

/** `PROXY TCP4|TCP6 <source> <destination> <ports>\r\n`. */
export function v1Header(source: Peer, destination: Peer = {address: '127.0.0.1', port: 22}): Buffer {
	const family = isIPv4(source.address) ? 'TCP4' : 'TCP6';
	return Buffer.from(`PROXY ${family} ${source.address} ${destination.address} ${source.port} ${destination.port}\r\n`, 'latin1');
}

/** A v2 PROXY header for two IPv4 endpoints, as HAProxy's send-proxy-v2 sends it. */
export function v2Header(source: Peer, destination: Peer = {address: '127.0.0.1', port: 22}): Buffer {
	const octets = (address: string): number[] => address.split('.').map(Number);
	const port = (value: number): number[] => [value >> 8, value & 0xff];
	return Buffer.from([...v2Signature, 0x21, 0x11, 0, 12, ...octets(source.address), ...octets(destination.address), ...port(source.port), ...port(destination.port)]);
}

/** The v2 LOCAL header of HAProxy's health checks. */
export const v2Local = Buffer.from([...v2Signature, 0x20, 0x00, 0, 0]);

export type RawConnection = {
	readonly socket: Socket;
	/** Our end's port, as the server's log shows it. */
	readonly localPort: number;
	/** Everything the server sent, as latin1. */
	readonly received: () => string;
	/** Resolves once the connection has closed, with all the server sent. */
	readonly closed: Promise<string>;
};

/** Connects (from `localAddress`, default 127.0.0.1), then writes `send` in one piece. */
export async function rawConnection(port: number, send: Buffer, options: {readonly localAddress?: string; readonly end?: boolean} = {}): Promise<RawConnection> {
	const socket = connectTcp({host: '127.0.0.1', port, localAddress: options.localAddress ?? '127.0.0.1'});
	let received = '';
	socket.on('data', (chunk: Buffer) => {
		received += chunk.toString('latin1');
	});
	socket.on('error', () => {});
	const closed = new Promise<string>((resolve) => {
		socket.once('close', () => {
			resolve(received);
		});
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', resolve);
		socket.once('error', reject);
	});
	if (send.length > 0) {
		socket.write(send);
	}

	if (options.end) {
		socket.end();
	}

	return {socket, localPort: socket.localPort ?? 0, received: () => received, closed};
}
