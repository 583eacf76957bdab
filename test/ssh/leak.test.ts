// 300 visits (connect, first frame, a key, disconnect) against an in-process server: afterwards its
// sockets, timers and process listeners are back where they started, and the heap has not grown
// by more than a bound well under what even a small per-visit leak would add.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {getHeapStatistics, setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {afterAll, beforeAll, expect, it} from 'vitest';
import resumeDocument from '../../data/resume.json' with {type: 'json'};
import {parseResume} from '../../source/data/load.js';
import {loadOrCreateHostKey} from '../../source/ssh/host-key.js';
import {defaultLimits} from '../../source/ssh/limits.js';
import {createResumeServer, type ResumeServer} from '../../source/ssh/server.js';
import {hasFirstFrame, visit} from './helpers/visitor.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const dir = mkdtempSync(join(tmpdir(), 'balakumaran-leak-'));
let server: ResumeServer;
let port: number;
const logged: string[] = [];
const logWaiters = new Set<() => void>();

beforeAll(async () => {
	const key = loadOrCreateHostKey(join(dir, 'key'));
	const loaded = parseResume(resumeDocument, 'data/resume.json');
	if (!key.ok || !loaded.ok) {
		throw new Error('setup');
	}

	server = createResumeServer({
		host: '127.0.0.1',
		port: 0,
		hostKey: key.key.privateKey,
		resume: loaded.resume,
		limits: {...defaultLimits, maxSessions: 1000, maxPerAddress: 1000, connectionsPerMinute: 100_000, keysPerSecond: 100_000},
		log(line) {
			logged.push(line);
			for (const wake of logWaiters) {
				wake();
			}
		},
	});
	port = await server.listen();
});

afterAll(async () => {
	await server.shutdown(1000);
	rmSync(dir, {recursive: true, force: true});
});

/** Resolves once `count` connections in all have been logged (a log line is written on close). */
async function loggedCount(count: number): Promise<void> {
	await new Promise<void>((resolve) => {
		const check = (): void => {
			if (logged.length >= count) {
				logWaiters.delete(check);
				resolve();
			}
		};

		logWaiters.add(check);
		check();
	});
}

/** `count` visits, `parallel` at a time: connect, first frame, one key and its frame, disconnect. */
async function visits(count: number, parallel: number): Promise<void> {
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < count) {
			next++;
			const visitor = await visit(port, {user: 'leak'});
			await visitor.waitFor(hasFirstFrame, 'the first frame');
			// A key mounts the app (the first frame alone is shared and cached): its teardown is tested too.
			visitor.channel.write('j');
			await visitor.waitFor((output) => output.split('\u001B[?2026l').length > 2, 'the frame after a key');
			const closed = new Promise<void>((resolve) => {
				visitor.client.once('close', () => {
					resolve();
				});
			});
			visitor.client.end();
			await closed;
		}
	};

	await Promise.all(Array.from({length: parallel}, worker));
}

/** Resource kinds (TCPSocketWrap, Timeout, …) and how many of each are open. */
function resources(): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const kind of process.getActiveResourcesInfo()) {
		counts[kind] = (counts[kind] ?? 0) + 1;
	}

	return counts;
}

const listenerCounts = (): number[] => ['exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit'].map((name) => process.listenerCount(name));

function heapUsed(): number {
	for (let round = 0; round < 4; round++) {
		gc();
	}

	return getHeapStatistics().used_heap_size;
}

it('returns to its baseline after 300 visits', async () => {
	const warnings: string[] = [];
	const onWarning = (warning: Error): void => {
		warnings.push(warning.name);
	};

	process.on('warning', onWarning);
	// Warm up: code compiled, caches (printed text, themes, yoga) filled, ssh2 crypto set up.
	await visits(30, 10);
	await loggedCount(30);
	const baseline = {resources: resources(), listeners: listenerCounts(), heap: heapUsed()};
	expect(server.counts()).toEqual({connections: 0, sessions: 0});

	const started = Date.now();
	await visits(300, 10);
	await loggedCount(330);
	const elapsed = Date.now() - started;

	expect(server.counts()).toEqual({connections: 0, sessions: 0});
	expect(resources()).toEqual(baseline.resources);
	expect(listenerCounts()).toEqual(baseline.listeners);
	const growth = heapUsed() - baseline.heap;
	// One leaked visit keeps an Ink instance, a React tree, its frame and an ssh2 connection:
	// well over 100 KB. 3 MB over 300 visits is 10 KB a visit, far below that, and leaves room
	// for what V8 keeps on its own (type feedback, compiled code) after a warm-up.
	expect(growth).toBeLessThan(3 * 1024 * 1024);
	expect(warnings).toEqual([]);
	process.off('warning', onWarning);
	expect(logged.every((line) => line.endsWith('end=client-closed'))).toBe(true);
	console.log(`300 visits in ${elapsed} ms; heap growth ${(growth / 1024).toFixed(0)} KB`);
}, 60_000);
