// The floor for `serve --web-port`: a bare ws server on an HTTP server that echoes a session's
// first message back, and does nothing else. `node bare-server.mjs` logs "listening on <port>".
import {createServer} from 'node:http';
import {WebSocketServer} from 'ws';

const http = createServer((_request, response) => {
	response.writeHead(404).end();
});
const wss = new WebSocketServer({server: http, path: '/session', perMessageDeflate: false});
wss.on('connection', (socket) => {
	socket.on('error', () => {});
	socket.once('message', (data) => {
		socket.send(data);
	});
});
http.listen({host: '127.0.0.1', port: 0}, () => {
	process.stderr.write(`bare ws server listening on ${http.address().port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
