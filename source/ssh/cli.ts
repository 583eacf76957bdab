// `balakumaran serve`: loads the host key and the résumé, runs the server until SIGTERM or SIGINT,
// then says goodbye to every visitor and returns the exit code. Its flags are parsed in flags.ts.
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {bundledResume} from '../data/bundled.js';
import {loadResumeFile} from '../data/load.js';
import {loadWebAssets} from '../web/assets.js';
import {createWebServer, type WebServer} from '../web/server.js';
import type {ServeFlags} from './flags.js';
import {defaultHostKeyPath, loadOrCreateHostKey, readHostKey} from './host-key.js';
import {createResumeServer} from './server.js';
import {createServerState} from './server-state.js';

function fail(message: string, code: number): number {
	process.stderr.write(`balakumaran serve: ${message}\n`);
	return code;
}

/** Runs the server with flags already parsed. */
export async function runServe(flags: ServeFlags): Promise<number> {
	const {host, port, webPort, limits, proxies, origins} = flags;
	const keyPath = flags.hostKeyPath ?? defaultHostKeyPath();
	if (flags.isFingerprint) {
		// Only ever the key the servers use: a missing one is not made here, where a typo would put it.
		const key = readHostKey(keyPath);
		if (!key.ok) {
			return fail(key.error, key.isMissing ? 2 : 1);
		}

		process.stdout.write(`${key.key.fingerprint}\n`);
		return 0;
	}

	const key = loadOrCreateHostKey(keyPath);
	if (!key.ok) {
		return fail(key.error, 1);
	}

	const loaded = flags.resumeFile === undefined ? bundledResume() : loadResumeFile(flags.resumeFile);
	if (!loaded.ok) {
		return fail(loaded.error, 1);
	}

	const log = (line: string): void => {
		process.stderr.write(`${line}\n`);
	};

	// The web page's built files (dist/web/, beside this bundle), read once.
	const assets = webPort < 0 ? undefined : loadWebAssets(fileURLToPath(new URL('web', import.meta.url)));
	if (typeof assets === 'string') {
		return fail(assets, 1);
	}

	const state = createServerState(loaded.resume, limits);
	const server = createResumeServer({
		host,
		port,
		hostKey: key.key.privateKey,
		resume: loaded.resume,
		limits,
		log,
		state,
		proxyProtocol: proxies && {trusted: proxies},
	});
	let web: WebServer | undefined;
	let removeSignalHandlers = (): void => {};

	// One handler for the whole run. It must stay attached while sessions exist: Ink's signal-exit
	// re-raises a signal that finds no other listener, which would kill the process mid-goodbye.
	// It is there before the port opens, so a stop sent as soon as "listening" is logged is clean.
	let signalCount = 0;
	const signalled = new Promise<NodeJS.Signals>((resolve) => {
		const onSignal = (name: NodeJS.Signals): void => {
			signalCount++;
			if (signalCount === 1) {
				resolve(name);
			} else {
				// A second signal while closing means "now".
				process.exit(1);
			}
		};

		process.on('SIGTERM', onSignal);
		process.on('SIGINT', onSignal);
		removeSignalHandlers = () => {
			process.off('SIGTERM', onSignal);
			process.off('SIGINT', onSignal);
		};
	});
	let boundPort: number;
	try {
		boundPort = await server.listen();
	} catch (error) {
		removeSignalHandlers();
		return fail(`cannot listen on ${host}:${port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 1);
	}

	let boundWebPort = webPort;
	if (assets) {
		web = createWebServer({host, port: webPort, state, assets, origins, log});
		try {
			boundWebPort = await web.listen();
		} catch (error) {
			await server.shutdown(0);
			removeSignalHandlers();
			return fail(`cannot listen on ${host}:${webPort}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 1);
		}
	}

	log(`balakumaran serve: host key ${key.key.path}${key.key.isNew ? ' (new)' : ''} ${key.key.fingerprint}`);
	if (proxies) {
		log(`balakumaran serve: PROXY protocol required, from ${proxies.rules.join(', ')} only`);
	}

	log(`balakumaran serve: listening on ${host}:${boundPort}; try: ssh -p ${boundPort} ${host === '0.0.0.0' || host === '::' ? 'localhost' : host}`);
	if (web) {
		const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
		log(`balakumaran serve: web page on ${host}:${boundWebPort}; try: http://${shownHost}:${boundWebPort}/`);
	}

	// One visitor's session must never end everyone else's: report, and keep serving.
	const report = (error: unknown): void => {
		log(`balakumaran serve: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	};

	process.on('uncaughtException', report);
	process.on('unhandledRejection', report);
	const signal = await signalled;
	log(`balakumaran serve: ${signal}: closing every session`);
	await Promise.all([server.shutdown(5000), web?.shutdown(5000)]);
	log('balakumaran serve: stopped');
	process.off('uncaughtException', report);
	process.off('unhandledRejection', report);
	removeSignalHandlers();
	// Everything is closed, so the process ends by itself; this only guards against a stray handle.
	setTimeout(() => {
		process.exit(0);
	}, 1000).unref();
	return 0;
}
