// `npm run screenshots`: runs the built CLI in a real pseudo-terminal and draws what it shows
// as docs/home.svg, docs/projects.svg (one project expanded) and docs/help.svg.
import {mkdirSync, writeFileSync} from 'node:fs';
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

mkdirSync(docs, {recursive: true});
for (const shot of shots) {
	const session = spawnTerminal({cols: columns, rows, args: [new URL('../dist/cli.js', import.meta.url).pathname, '--theme', 'dark'], env: terminalEnv({COLORTERM: 'truecolor'})});
	try {
		await session.waitFor((terminal) => terminal.paintCount() > 0 && !terminal.isPainting(), {what: 'the first frame'});
		for (const key of shot.keys) {
			const painted = session.paintCount();
			session.write(key);
			await session.waitFor((terminal) => terminal.paintCount() > painted && !terminal.isPainting(), {what: `the frame after ${JSON.stringify(key)}`});
		}

		await session.waitFor((terminal) => shot.shows(terminal.screen()) && !terminal.isPainting(), {what: shot.file});
		writeFileSync(new URL(shot.file, docs), screenToSvg(session, {title: `balakumaran — ${columns}×${rows}`}));
		console.log(`docs/${shot.file}`);
	} finally {
		await session.kill();
	}
}
