// The package as a user gets it: packed, installed from the tarball with no network into an empty
// prefix, and run as `balakumaran` on Node.js 20, 22 and 24. Needs a built dist/cli.cjs (`npm test`
// builds first); Node 22 and 24 come from the npm registry once per machine (bench/lib/node-matrix).
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {publint} from 'publint';
import {formatMessage} from 'publint/utils';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {nodeBinary} from '../../bench/lib/node-matrix.mjs';
import {cleanEnv, spawnInTerminal} from '../../bench/lib/terminal.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cliPath = path.join(root, 'dist', 'cli.cjs');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	version: string;
	dependencies?: Record<string, string>;
	files?: string[];
	engines?: {node?: string};
	bin?: Record<string, string>;
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/**
 * What `npx balakumaran` downloads: the bin with the home screen, and the Ink app compressed inside
 * it. The SSH server is not in it (it would double it): `balakumaran serve` runs from a clone.
 */
// The goal is 160 KB; meow, zod and the printers moved from the compressed app into the bin (so
// printing never loads Ink), and the screen-reader view, the high-contrast theme and the HTML
// printer came (+2.4 KB, +1.5 KB). serve's flags are not in it: they are a bundle of their own in a
// clone, beside the server.
const maxTarballBytes = 169_000;

type PackResult = {filename: string; size: number; files: Array<{path: string}>};

function pack(...args: string[]): PackResult {
	const [result] = JSON.parse(
		execFileSync(npm, ['pack', '--json', '--ignore-scripts', ...args], {cwd: root, encoding: 'utf8', env: cleanEnv()}),
	) as PackResult[];
	if (!result) {
		throw new Error('npm pack reported nothing');
	}

	return result;
}

let work = '';
let tarball = '';
let installedBin = '';

beforeAll(() => {
	statSync(cliPath); // Fails clearly when nothing is built.
	work = mkdtempSync(path.join(os.tmpdir(), 'balakumaran-package-'));
	tarball = path.join(work, pack('--pack-destination', work).filename);
	const prefix = path.join(work, 'prefix');
	// A fresh cache and --offline: the install may use nothing but the tarball.
	execFileSync(
		npm,
		['install', '--global', '--prefix', prefix, '--offline', '--cache', path.join(work, 'cache'), '--no-audit', '--no-fund', tarball],
		{cwd: work, encoding: 'utf8', env: cleanEnv()},
	);
	installedBin = path.join(prefix, 'bin', 'balakumaran');
}, 120_000);

afterAll(() => {
	if (work !== '') {
		rmSync(work, {recursive: true, force: true});
	}
});

describe('the package', () => {
	it('has no dependencies, a files list, a bin and engines.node >=20', () => {
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.files).toEqual(['dist/cli.cjs']);
		expect(pkg.bin).toEqual({balakumaran: 'dist/cli.cjs'});
		expect(pkg.engines?.node).toBe('>=20');
	});

	it('packs only what a user needs', () => {
		const files = pack('--dry-run').files.map((file) => file.path).sort();
		expect(files).toEqual(['LICENSE', 'README.md', 'dist/cli.cjs', 'package.json']);
	});

	it(`is a tarball of at most ${maxTarballBytes} bytes`, () => {
		expect(statSync(tarball).size).toBeLessThanOrEqual(maxTarballBytes);
	});

	it('is publint-clean', async () => {
		const packed = readFileSync(tarball);
		const {messages, pkg: linted} = await publint({
			pack: {tarball: packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength)},
		});
		expect(messages.map((message) => formatMessage(message, linted) ?? message.code)).toEqual([]);
	});
});

const fixture = (name: string): string => path.join(root, 'test', 'fixtures', `${name}.json`);
/** The résumés the installed bin must print as the build does: its own, and three from elsewhere. */
const resumes = [
	{name: 'the bundled résumé', args: [], header: 'Balakumaran Kannan · System Programmer'},
	{name: 'the JSON Resume sample', args: ['--resume', fixture('jsonresume-sample')], header: 'Richard Hendriks · Programmer'},
	{name: 'a CJK and right-to-left résumé', args: ['--resume', fixture('cjk-rtl')], header: '王小明 (وانغ شياو مينغ) · 系统程序员 · مبرمج أنظمة'},
	{name: 'the hostile résumé', args: ['--resume', fixture('hostile')], header: 'Eve Mallory · Hacker'},
] as const;
const printCases = resumes.flatMap((resume) => (['text', 'markdown', 'json'] as const).map((format) => ({...resume, format})));
const printedByTheBuild = new Map<string, string>();
/** What dist/cli.cjs prints for `args` on this Node.js (each asked once). */
function printedByBuild(args: readonly string[]): string {
	const key = args.join('\0');
	let printed = printedByTheBuild.get(key);
	if (printed === undefined) {
		printed = execFileSync(process.execPath, [cliPath, ...args], {encoding: 'utf8', env: cleanEnv()});
		printedByTheBuild.set(key, printed);
	}

	return printed;
}

const expectedText = (): string => printedByBuild(['--format', 'text']);

describe.each([20, 22, 24])('installed, on Node.js %i', (major) => {
	let env: Record<string, string> = {};

	beforeAll(() => {
		const node = nodeBinary(major);
		// The bin's `#!/usr/bin/env node` finds this Node.js first.
		env = cleanEnv({PATH: `${path.dirname(node)}${path.delimiter}${process.env['PATH'] ?? ''}`});
		const version = execFileSync('node', ['--version'], {encoding: 'utf8', env}).trim();
		expect(version.startsWith(`v${major}.`), version).toBe(true);
	}, 120_000);

	it('prints the version of package.json', () => {
		const result = spawnSync(installedBin, ['--version'], {encoding: 'utf8', env});
		expect(result.stderr).toBe('');
		expect(result.stdout.trim()).toBe(pkg.version);
		expect(result.status).toBe(0);
	});

	it('prints the same text as the build', () => {
		const result = spawnSync(installedBin, ['--format', 'text'], {encoding: 'utf8', env});
		expect(result.stderr).toBe('');
		expect(result.stdout).toBe(expectedText());
		expect(result.status).toBe(0);
	});

	it.each(printCases)('prints $name as $format, as the build does', ({args, format, header}) => {
		const result = spawnSync(installedBin, [...args, '--format', format], {encoding: 'utf8', env});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(format === 'json' ? JSON.stringify(header.split(' · ')[0]) : header);
		expect(result.stdout).toBe(printedByBuild([...args, '--format', format]));
	});

	it('prints one section', () => {
		const result = spawnSync(installedBin, ['projects', '--resume', fixture('cjk-rtl'), '--format', 'text'], {encoding: 'utf8', env});
		expect(result).toMatchObject({status: 0, stderr: ''});
		expect(result.stdout).toBe(printedByBuild(['projects', '--resume', fixture('cjk-rtl'), '--format', 'text']));
		expect(result.stdout.split('\n').slice(0, 4)).toEqual(['PROJECTS', '--------', '调度器追踪', '一个 eBPF 工具，用来观察调度延迟。']);
	});

	it('refuses a file that is not there in one line, with exit code 2', () => {
		const missing = path.join(work, 'missing.json');
		const result = spawnSync(installedBin, ['--resume', missing, '--format', 'text'], {encoding: 'utf8', env});
		expect(result).toMatchObject({status: 2, stdout: '', stderr: `balakumaran: ${missing}: no such file\n`});
	});

	it('says that serve is not in the package, in one line, with exit code 2', () => {
		const result = spawnSync(installedBin, ['serve'], {encoding: 'utf8', env});
		expect(result.stderr).toBe(
			"balakumaran: 'serve' is not in the npm package (it would double its size); run it from a clone of the repository: see docs/ssh.md\n",
		);
		expect(result.stdout).toBe('');
		expect(result.status).toBe(2);
	});

	it('draws the first frame in a terminal, moves on j and exits 0 on q', async () => {
		const session = spawnInTerminal(installedBin, [], {cols: 100, rows: 30, env, cwd: work});
		try {
			await session.frameAfter(0, {what: 'the first frame'});
			const screen = await session.screen();
			expect(screen[0]).toContain('Balakumaran Kannan · System Programmer');
			// The Ink app has taken the screen over: a key moves the menu.
			session.write('j');
			// eslint-disable-next-line no-control-regex
			await session.waitFor(() => session.output().replaceAll(/\u001B\[[\d;?]*[A-Za-z]/g, '').includes('❯ Experience'), {what: 'the menu on Experience'});
			session.write('q');
			const exit = await session.exit;
			expect(exit.exitCode).toBe(0);
			// The alternate screen is left and the cursor shown again.
			expect(session.output().endsWith('\u001B[?25h\u001B[?1049l')).toBe(true);
		} finally {
			await session.kill();
		}
	}, 30_000);

	it('opens --resume <the sample> in a terminal, moves on j and exits 0 on q', async () => {
		const session = spawnInTerminal(installedBin, ['--resume', fixture('jsonresume-sample')], {cols: 100, rows: 30, env, cwd: work});
		// eslint-disable-next-line no-control-regex
		const shown = (): string => session.output().replaceAll(/\u001B\[[\d;?]*[A-Za-z]/g, '');
		try {
			await session.waitFor(() => shown().includes('Richard Hendriks · Programmer'), {what: "the sample's name"});
			session.write('j');
			await session.waitFor(() => shown().includes('❯ Experience'), {what: 'the menu on Experience'});
			session.write('q');
			expect((await session.exit).exitCode).toBe(0);
		} finally {
			await session.kill();
		}
	}, 30_000);
});
