// `npm run screenshots`: runs the built CLI in a real pseudo-terminal and draws what it shows
// as docs/home.svg, docs/projects.svg (one project expanded) and docs/help.svg, and an SSH session
// (`balakumaran serve` seen through the real OpenSSH client) as docs/ssh.svg.
import {spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawnTerminal, terminalEnv} from '../test/e2e/pty-terminal.mjs';
import {screenToSvg} from './terminal-svg.mjs';

const columns = 100;
const rows = 30;
const docs = new URL('../docs/', import.meta.url);

const shots = [
	{file: 'home.svg', keys: [], shows: (screen) => screen.at(-1)?.includes('quit')},
	{file: 'projects.svg', keys: ['\t', '\t', '\t', 'l', '\r'], shows: (screen) => screen.some((line) => line.includes('▾ '))},
	{file: 'help.svg', keys: ['?'], shows: (screen) => screen.some((line) => line.startsWith('Keys'))},
];

const cli = new URL('../dist/cli.cjs', import.meta.url).pathname;

/** Starts `serve` on a free loopback port with a throwaway host key; resolves with the port. */
async function startServer() {
	const key = join(mkdtempSync(join(tmpdir(), 'balakumaran-shot-')), 'key');
	const server = spawn(process.execPath, [cli, 'serve', '--host', '127.0.0.1', '--port', '0', '--host-key', key], {stdio: ['ignore', 'ignore', 'pipe']});
	let log = '';
	const port = await new Promise((resolve, reject) => {
		server.stderr.setEncoding('utf8').on('data', (chunk) => {
			log += chunk;
			const found = /listening on [^\n]*:(\d+);/.exec(log);
			if (found) {
				resolve(Number(found[1]));
			}
		});
		server.once('exit', () => reject(new Error(`serve exited: ${log}`)));
	});
	return {port, stop: () => server.kill('SIGTERM')};
}

const server = await startServer();
const ssh = ['ssh', ['-F', '/dev/null', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-tt', '-p', String(server.port), 'visitor@127.0.0.1']];
shots.push({file: 'ssh.svg', command: ssh, title: `ssh -p 2222 host — ${columns}×${rows}`, keys: shots[1].keys, shows: shots[1].shows});

mkdirSync(docs, {recursive: true});
for (const shot of shots) {
	const [file, args] = shot.command ?? [process.execPath, [cli, '--theme', 'dark']];
	const session = spawnTerminal({cols: columns, rows, file, args, env: terminalEnv({COLORTERM: 'truecolor'})});
	try {
		await session.waitFor((terminal) => terminal.paintCount() > 0 && !terminal.isPainting(), {what: 'the first frame'});
		for (const key of shot.keys) {
			const painted = session.paintCount();
			session.write(key);
			await session.waitFor((terminal) => terminal.paintCount() > painted && !terminal.isPainting(), {what: `the frame after ${JSON.stringify(key)}`});
		}

		await session.waitFor((terminal) => shot.shows(terminal.screen()) && !terminal.isPainting(), {what: shot.file});
		writeFileSync(new URL(shot.file, docs), screenToSvg(session, {title: shot.title ?? `balakumaran — ${columns}×${rows}`}));
		console.log(`docs/${shot.file}`);
	} finally {
		await session.kill();
	}
}

server.stop();
