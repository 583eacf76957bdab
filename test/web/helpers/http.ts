// Raw HTTP against the served page: the request line exactly as written (no URL normalising, as a
// browser or fetch would do), the whole answer back.
import {connect} from 'node:net';

export type Answer = {readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: Buffer};

/** Sends `request` as it is and reads the answer until the server closes or `Content-Length` is met. */
export async function rawRequest(port: number, request: string, localAddress?: string): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const socket = connect({host: '127.0.0.1', port, localAddress});
		const chunks: Buffer[] = [];
		const timer = setTimeout(() => {
			socket.destroy();
			reject(new Error(`no answer to ${JSON.stringify(request.slice(0, 80))}`));
		}, 15_000);
		const answer = (): Answer | undefined => {
			const all = Buffer.concat(chunks);
			const end = all.indexOf('\r\n\r\n');
			if (end === -1) {
				return undefined;
			}

			const [statusLine = '', ...lines] = all.subarray(0, end).toString('latin1').split('\r\n');
			const headers: Record<string, string> = {};
			for (const line of lines) {
				const colon = line.indexOf(':');
				headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
			}

			const body = all.subarray(end + 4);
			const isHead = request.startsWith('HEAD ');
			const length = headers['content-length'];
			if (!isHead && length !== undefined && body.length < Number(length)) {
				return undefined;
			}

			return {status: Number(statusLine.split(' ')[1]), headers, body: isHead ? Buffer.alloc(0) : body.subarray(0, length === undefined ? undefined : Number(length))};
		};

		const finish = (): void => {
			const done = answer();
			if (done) {
				clearTimeout(timer);
				socket.destroy();
				resolve(done);
			}
		};

		socket.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			finish();
		});
		socket.on('error', () => {});
		socket.on('close', () => {
			finish();
			clearTimeout(timer);
			reject(new Error(`the connection closed without an answer to ${JSON.stringify(request.slice(0, 80))}`));
		});
		socket.write(request);
	});
}

export const get = async (port: number, target: string, extra = ''): Promise<Answer> =>
	rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${extra}\r\n`);
