import {describe, expect, it} from 'vitest';
import type {Resume} from '../../source/data/schema.js';
import {warmUp} from '../../source/host/warm-up.js';
import {ownResume, plainStyle} from '../helpers/render-app.js';

describe('warmUp', () => {
	it('runs the app through its keys offscreen and settles, writing nothing to the terminal', async () => {
		const written: string[] = [];
		const write = process.stdout.write.bind(process.stdout);
		process.stdout.write = ((chunk: string) => {
			written.push(String(chunk));
			return true;
		}) as typeof process.stdout.write;
		try {
			await warmUp(ownResume(), plainStyle, {columns: 80, rows: 24}, {count: 6});
		} finally {
			process.stdout.write = write;
		}

		expect(written).toEqual([]);
	});

	it('waits for its pause before mounting and before each key', async () => {
		let pauses = 0;
		await warmUp(ownResume(), plainStyle, {columns: 80, rows: 24}, {
			count: 4,
			async pause() {
				pauses++;
			},
		});
		expect(pauses).toBe(5);
	});

	it('stops at a key that draws nothing: a résumé with one section', async () => {
		const oneSection: Resume = {basics: {name: 'A. Person', summary: 'Only a summary.'}};
		const started = performance.now();
		await warmUp(oneSection, plainStyle, {columns: 80, rows: 24}, {count: 50, patienceMs: 100});
		// The first ↓ changes nothing, so it gives up after one wait rather than fifty.
		expect(performance.now() - started).toBeLessThan(2000);
	});
});
