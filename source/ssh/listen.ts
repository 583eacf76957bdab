// Opens a listener and resolves with the port it is bound to (useful with port 0), or rejects with
// the error that kept it from listening. The SSH and web listeners of a server both use it.
import type {Server} from 'node:net';

export async function listenOn(server: Server, host: string, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const onError = (error: Error): void => {
			reject(error);
		};

		server.once('error', onError);
		server.listen({host, port}, () => {
			server.off('error', onError);
			const address = server.address();
			resolve(typeof address === 'object' && address ? address.port : port);
		});
	});
}
