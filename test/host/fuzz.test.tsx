// 10 000 random key sequences against the App in-process (ink-testing-library), at random sizes
// from 1×1 to 200×60, resized mid-sequence: it never throws, and every frame fits the terminal
// (no line wider than its columns, no more lines than its rows). The engine is
// test/helpers/fuzz-app.tsx, bundled like dist/cli.cjs and run in worker threads, one per core.
// Seeded; a failure prints how to replay it:
//   FUZZ_SEED=<seed> [FUZZ_BATCH=<batch>] npx vitest run test/host/fuzz.test.tsx
// or run longer with FUZZ_SEQUENCES=100000.
import {mkdtempSync, rmSync} from 'node:fs';
import {availableParallelism, tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {afterAll, expect, it} from 'vitest';
import {bundleLikeTheApp} from '../helpers/bundle-app.js';
import type {BatchResult, WorkerTask} from '../helpers/fuzz-app.js';

// FUZZ_SEQUENCES raises the count for a longer soak.
const sequenceCount = Number(process.env['FUZZ_SEQUENCES'] ?? 10_000);
const batchSize = 100;
const seed = process.env['FUZZ_SEED'] === undefined ? Math.floor(Math.random() * 2 ** 32) : Number(process.env['FUZZ_SEED']);
const onlyBatch = process.env['FUZZ_BATCH'] === undefined ? undefined : Number(process.env['FUZZ_BATCH']);
const threads = Math.max(1, Math.min(4, availableParallelism()));

const directory = mkdtempSync(path.join(tmpdir(), 'balakumaran-fuzz-'));
afterAll(() => {
	rmSync(directory, {recursive: true, force: true});
});

// Ink loads React devtools only when DEV=true; as in scripts/build.js, they are left out.
/** The engine as one ESM file with React's production build, as the CLI is bundled. */
async function bundleEngine(): Promise<string> {
	return bundleLikeTheApp(fileURLToPath(new URL('../helpers/fuzz-app.tsx', import.meta.url)), path.join(directory, 'fuzz-app.mjs'));
}

async function runWorker(engine: string, task: WorkerTask): Promise<BatchResult> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(engine, {workerData: task});
		worker.once('message', (result: BatchResult) => {
			resolve(result);
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.once('exit', (code) => {
			reject(new Error(`fuzz worker exited with code ${code} before reporting`));
		});
	});
}

it(`${sequenceCount} random key sequences at random sizes never throw, and every frame fits`, async () => {
	const engine = await bundleEngine();
	const batches: Array<[number, number, number]> = [];
	for (let first = 0, batch = 0; first < sequenceCount; first += batchSize, batch++) {
		if (onlyBatch === undefined || batch === onlyBatch) {
			batches.push([batch, first, Math.min(sequenceCount, first + batchSize)]);
		}
	}

	const results = await Promise.all(
		Array.from({length: threads}, async (_, thread) =>
			runWorker(engine, {role: 'fuzz', seed, batches: batches.filter((_, index) => index % threads === thread)}),
		),
	);
	const failure = results.find((result) => result.failure)?.failure;
	expect(failure, `seed ${seed}`).toBeUndefined();
	const sequences = results.reduce((sum, result) => sum + result.sequences, 0);
	const frames = results.reduce((sum, result) => sum + result.frames, 0);
	expect(sequences).toBe(onlyBatch === undefined ? sequenceCount : batchSize);
	// About half the sequences end with a frame, and a few draw one midway.
	expect(frames, `${frames} frames for ${sequences} sequences`).toBeGreaterThan(sequences / 3);
}, 180_000);
