// Printing lives in the bin: no printed path, flag error, --help or --version decompresses or
// compiles the Ink app. A preload reports either; the TUI, which does load it, shows the trap works.
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {startApp} from '../e2e/harness.js';
import {cliPath} from '../helpers/run-cli.js';

const trap = fileURLToPath(new URL('fixtures/trap-app-load.mjs', import.meta.url));
const sample = fileURLToPath(new URL('../fixtures/jsonresume-sample.json', import.meta.url));

describe('printing', () => {
	it.each([
		[['--format', 'text']],
		[['--format', 'markdown']],
		[['--format', 'json']],
		[['--format', 'html']],
		[['projects', '--format', 'text']],
		[['--resume', sample, '--format', 'text']],
		[[]],
		[['--help']],
		[['--version']],
		[['--bogus']],
		[['--format', 'pdf']],
		[['serve', '--help']],
	])('never loads the Ink app: %j', (args) => {
		const result = spawnSync(process.execPath, ['--import', trap, cliPath, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined}});
		expect(result.stdout.length + result.stderr.length).toBeGreaterThan(0);
		expect(result.stderr).not.toContain('[app ');
	});
});

it('the TUI loads it, once its first frame is on screen', async (test) => {
	const session = startApp(test, {size: {columns: 80, rows: 24}, nodeArgs: ['--import', trap]});
	await session.waitFor((terminal) => terminal.screen()[0]?.startsWith('Balakumaran Kannan') === true, {what: 'the first frame'});
	await session.waitFor(() => session.output().includes('[app compiled]'), {what: 'the app compiled'});
	session.press('q');
	await session.exit;
});
