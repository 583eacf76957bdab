// The handshake floor for bench/ssh-load.bench.mjs: an ssh2 server that lets anyone in, writes one
// line per shell and then holds the channel open, doing nothing else. Whatever our server costs
// beyond this is the résumé's own.
//   node bench/ssh/bare-server.mjs <host key file>    prints "listening on <port>" to stderr
import {readFileSync} from 'node:fs';
import process from 'node:process';
import ssh2 from 'ssh2';

const server = new ssh2.Server({hostKeys: [readFileSync(process.argv[2] ?? '')]}, (client) => {
	client.on('error', () => {});
	client.on('authentication', (context) => context.accept());
	client.on('session', (accept) => {
		const session = accept();
		session.on('pty', (ok) => ok?.());
		session.on('window-change', (ok) => ok?.());
		session.on('shell', (ok) => {
			const channel = ok();
			channel.on('error', () => {});
			channel.write('Balakumaran Kannan\r\n');
		});
	});
});
server.on('error', () => {});
server.listen(0, '127.0.0.1', () => {
	process.stderr.write(`listening on ${server.address().port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
