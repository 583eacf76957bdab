// The OSC 11 background probe against an answering terminal, a silent one, and one that only
// answers DA1 — with a key typed during the probe handed on to the app.
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {backgroundQuery, probeBackground, themeFromReply} from '../../source/terminal/background.js';

async function probe(answer: (query: string, input: PassThrough) => void, timeout = 5000) {
	const input = new PassThrough();
	const written: string[] = [];
	const started = performance.now();
	const probe = probeBackground(input, (data) => {
		written.push(data);
		answer(data, input);
	}, timeout);
	const theme = await probe.theme;
	return {theme, elapsed: performance.now() - started, keys: await probe.done, written};
}

describe('the background probe', () => {
	it('reads a dark and a light background from the OSC 11 answer', async () => {
		const dark = await probe((_query, input) => input.write('\u001B]11;rgb:1e1e/1e1e/1e1e\u001B\\\u001B[?62;22c'));
		expect(dark.theme).toBe('dark');
		expect(dark.written).toEqual([backgroundQuery]);
		const light = await probe((_query, input) => input.write('\u001B]11;rgb:ffff/fdfd/f6f6\u0007\u001B[?1;2c'));
		expect(light.theme).toBe('light');
	});

	it('stops at the DA1 answer when the terminal ignores OSC 11, without waiting for the timeout', async () => {
		const result = await probe((_query, input) => input.write('\u001B[?1;2c'), 5000);
		expect(result.theme).toBeUndefined();
		expect(result.elapsed).toBeLessThan(4000);
	});

	it('gives up after the timeout when the terminal says nothing', async () => {
		const result = await probe(() => {}, 50);
		expect(result.theme).toBeUndefined();
	});

	it('hands keys typed during the probe on to the app', async () => {
		const result = await probe((_query, input) => input.write('j\u001B]11;rgb:0000/0000/0000\u0007k\u001B[?1c'));
		expect(result.theme).toBe('dark');
		expect(result.keys).toBe('jk');
	});

	it('parses short and long hex forms', () => {
		expect(themeFromReply('\u001B]11;rgb:f/f/f\u0007')).toBe('light');
		expect(themeFromReply('\u001B]11;rgba:0000/0000/0000/ffff\u0007')).toBe('dark');
		expect(themeFromReply('nothing')).toBeUndefined();
	});
});
