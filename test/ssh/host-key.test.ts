import ssh2 from 'ssh2';
import {describe, expect, it} from 'vitest';
import {generateHostKey} from '../../source/ssh/host-key.js';

const {utils} = ssh2;
const readable = (key: string): boolean => !(utils.parseKey(key) instanceof Error);

describe('generateHostKey', () => {
	it('makes a key again when ssh2 could not read back the one it made', () => {
		// About one ssh2 ed25519 key in 256 is one its own parser rejects; find one to hand over first.
		let unreadable: string | undefined;
		for (let attempt = 0; attempt < 5000 && unreadable === undefined; attempt++) {
			const key = utils.generateKeyPairSync('ed25519').private;
			if (!readable(key)) {
				unreadable = key;
			}
		}

		expect(unreadable, 'an unreadable key among 5000').toBeDefined();
		// The good one must be readable too (it is not, one time in 256).
		let good = utils.generateKeyPairSync('ed25519').private;
		while (!readable(good)) {
			good = utils.generateKeyPairSync('ed25519').private;
		}

		const made = [unreadable ?? '', good];
		let calls = 0;
		expect(generateHostKey(() => made[calls++] ?? '')).toBe(good);
		expect(calls).toBe(2);
	});

	it('gives keys ssh2 reads back, every time', () => {
		for (let index = 0; index < 1000; index++) {
			expect(readable(generateHostKey())).toBe(true);
		}
	});
});
