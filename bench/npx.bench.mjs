// Cold `npx`: a local registry (verdaccio on 127.0.0.1, no uplinks) holds the packed tarball and a
// zero-dependency business card made the bitandbang way (a bin that prints a prebuilt ANSI file;
// here the file is our own home screen). Each run is `npx -y` with an empty cache in an empty
// folder, in a 100×30 pseudo-terminal, timed until the first frame (or the card's print).
// Goal: ≤ 1.15× the card. Verdaccio needs Node.js 22 (bench/lib/node-matrix) and is installed
// once per machine into a temporary folder outside the repository.
import {execFileSync, spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {captureHomeScreen, size} from './lib/home-screen.mjs';
import {nodeBinary} from './lib/node-matrix.mjs';
import {cliPath, median, printTable, projectRoot, runs, verdict} from './lib/stats.mjs';
import {cleanEnv, spawnInTerminal} from './lib/terminal.mjs';

const rounds = runs(5);
const goal = 1.15;
const verdaccioVersion = '6.10.4';
const deadline = Date.now() + 8 * 60_000;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Verdaccio with node-fetch pinned to 2.7.0, installed once into os.tmpdir(). */
function installVerdaccio() {
	const folder = path.join(os.tmpdir(), `balakumaran-verdaccio-${verdaccioVersion}`);
	const bin = path.join(folder, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
	if (existsSync(bin)) {
		return bin;
	}

	const work = mkdtempSync(path.join(os.tmpdir(), 'balakumaran-verdaccio-install-'));
	writeFileSync(
		path.join(work, 'package.json'),
		JSON.stringify({private: true, dependencies: {verdaccio: verdaccioVersion}, overrides: {'node-fetch': '2.7.0'}}),
	);
	console.log(`installing verdaccio ${verdaccioVersion} into ${folder} (once)…`);
	execFileSync(npm, ['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts', '--loglevel=error'], {
		cwd: work,
		stdio: 'inherit',
		env: cleanEnv(),
	});
	try {
		renameSync(work, folder);
	} catch (error) {
		rmSync(work, {recursive: true, force: true});
		if (!existsSync(bin)) {
			throw error;
		}
	}

	return bin;
}

async function freePort() {
	const server = createServer();
	await new Promise((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address();
	await new Promise((resolve) => {
		server.close(resolve);
	});
	return port;
}

async function waitForRegistry(url, child) {
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`verdaccio exited with ${child.exitCode}`);
		}

		try {
			const response = await fetch(`${url}/-/ping`);
			if (response.ok) {
				return;
			}
		} catch {}

		await new Promise((resolve) => {
			setTimeout(resolve, 100);
		});
	}

	throw new Error('verdaccio did not start in time');
}

/** The card: package.json, a bin that prints `output`, and `output` itself (our home screen). */
function makeCard(folder, screen) {
	mkdirSync(path.join(folder, 'bin'), {recursive: true});
	writeFileSync(
		path.join(folder, 'package.json'),
		JSON.stringify({name: 'balakumaran-card', version: '1.0.0', bin: {'balakumaran-card': 'bin/card.js'}, files: ['bin', 'output']}),
	);
	writeFileSync(
		path.join(folder, 'bin', 'card.js'),
		"#!/usr/bin/env node\n'use strict';\nconst fs = require('fs');\nconst path = require('path');\nconsole.log(fs.readFileSync(path.join(__dirname, '../output'), 'utf8'));\n",
		{mode: 0o755},
	);
	writeFileSync(path.join(folder, 'output'), screen);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'balakumaran-npx-bench-'));
let registry;
const stop = () => {
	if (registry && registry.exitCode === null) {
		registry.kill('SIGTERM');
	}
};

process.once('SIGINT', () => {
	stop();
	process.exit(130);
});

const rows = [];
try {
	const node22 = nodeBinary(22);
	const verdaccio = installVerdaccio();
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	writeFileSync(
		path.join(work, 'config.yaml'),
		[
			`storage: ${path.join(work, 'storage')}`,
			'auth:',
			`  htpasswd: {file: ${path.join(work, 'htpasswd')}}`,
			'uplinks: {}',
			'packages:',
			"  '**': {access: $all, publish: $all, unpublish: $all}",
			'log: {type: stdout, format: pretty, level: warn}',
		].join('\n'),
	);
	// npm sends a token even for an anonymous publish; verdaccio lets $all publish with any.
	const npmrc = path.join(work, 'npmrc');
	writeFileSync(npmrc, `registry=${url}/\n//127.0.0.1:${port}/:_authToken=bench\nupdate-notifier=false\nfund=false\naudit=false\n`);
	registry = spawn(node22, [verdaccio, '--config', path.join(work, 'config.yaml'), '--listen', `127.0.0.1:${port}`], {
		stdio: 'ignore',
		env: cleanEnv(),
	});
	await waitForRegistry(url, registry);

	const env = cleanEnv({npm_config_userconfig: npmrc});
	const publish = (target) => execFileSync(npm, ['publish', target, '--registry', url, '--loglevel=warn'], {cwd: work, env, stdio: ['ignore', 'ignore', 'inherit']});
	const [packed] = JSON.parse(
		execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {cwd: projectRoot, encoding: 'utf8', env: cleanEnv()}),
	);
	publish(path.join(work, packed.filename));
	const home = await captureHomeScreen(cliPath);
	makeCard(path.join(work, 'card'), home.bytes);
	publish(path.join(work, 'card'));

	/** One cold run: fresh cache and folder; milliseconds until the first frame end. */
	async function coldNpx(name) {
		const run = mkdtempSync(path.join(work, 'run-'));
		const session = spawnInTerminal(npm === 'npm' ? 'npx' : 'npx.cmd', ['-y', '--registry', url, '--cache', path.join(run, 'cache'), name], {
			...size,
			env,
			cwd: run,
		});
		try {
			const frame = await session.frameAfter(0, {timeout: 60_000, what: `the first frame of ${name}`});
			session.write('q');
			return frame.at;
		} finally {
			await session.kill();
			rmSync(run, {recursive: true, force: true});
		}
	}

	const card = [];
	const app = [];
	for (let round = 0; round < rounds && Date.now() < deadline; round++) {
		card.push(await coldNpx('balakumaran-card'));
		app.push(await coldNpx('balakumaran'));
	}

	rows.push(
		{program: 'npx balakumaran-card (prints)', runs: card.length, 'median ms': median(card), 'balakumaran ÷ this': median(app) / median(card), goal: verdict(median(app) / median(card), goal)},
		{program: 'npx balakumaran (first frame)', runs: app.length, 'median ms': median(app), 'balakumaran ÷ this': 1, goal: ''},
	);
} finally {
	stop();
	rmSync(work, {recursive: true, force: true});
}

printTable(`Cold npx from a local registry, empty cache each run, ${size.cols}×${size.rows} pty (${cliPath})`, rows);
