import {describe, expect, it} from 'vitest';
import {ConnectionLimiter, KeyBudget, defaultLimits, formatDuration, type Limits} from '../../source/ssh/limits.js';

const limits: Limits = {...defaultLimits, maxSessions: 3, maxPerAddress: 2, connectionsPerMinute: 4};

function limiter(): {readonly limiter: ConnectionLimiter; readonly advance: (ms: number) => void} {
	let now = 1_000_000;
	return {
		limiter: new ConnectionLimiter(limits, () => now),
		advance(ms) {
			now += ms;
		},
	};
}

describe('the connection limiter', () => {
	it('has the documented defaults', () => {
		expect(defaultLimits).toEqual({
			maxSessions: 200,
			maxPerAddress: 5,
			connectionsPerMinute: 20,
			loginTimeoutMs: 10_000,
			idleTimeoutMs: 600_000,
			maxSessionMs: 1_800_000,
			keysPerSecond: 50,
			unmountAfterMs: 10_000,
		});
	});

	it('refuses a connection over the per-address cap, politely, and admits again once one closes', () => {
		const {limiter: l} = limiter();
		const first = l.admit('192.0.2.1');
		expect(first.kind).toBe('accept');
		expect(l.admit('192.0.2.1').kind).toBe('accept');
		const third = l.admit('192.0.2.1');
		expect(third).toMatchObject({kind: 'refuse', reason: 'address-limit'});
		expect(l.admit('192.0.2.2').kind).toBe('accept');
		l.release('192.0.2.1', first);
		l.release('192.0.2.1', third);
		expect(l.admit('192.0.2.1').kind).toBe('accept');
	});

	it('refuses past the rate, drops a flood, and forgets after a minute', () => {
		const {limiter: l, advance} = limiter();
		const kinds: string[] = [];
		for (let index = 0; index < 10; index++) {
			const admission = l.admit('198.51.100.7');
			kinds.push(admission.kind === 'refuse' ? admission.reason : admission.kind);
			l.release('198.51.100.7', admission);
		}

		expect(kinds).toEqual(['accept', 'accept', 'accept', 'accept', 'rate-limit', 'rate-limit', 'rate-limit', 'rate-limit', 'drop', 'drop']);
		advance(60_000);
		expect(l.admit('198.51.100.7').kind).toBe('accept');
	});

	it('says the server is busy at the global cap', () => {
		const {limiter: l} = limiter();
		for (const address of ['a', 'b', 'c']) {
			expect(l.admit(address).kind).toBe('accept');
		}

		expect(l.admit('d')).toMatchObject({kind: 'refuse', reason: 'busy', message: 'The résumé server has all the visitors it can take right now; please try again in a minute.'});
		expect(l.counts).toMatchObject({sessions: 3, refusing: 1});
	});

	it('sweeps addresses it no longer needs', () => {
		const {limiter: l, advance} = limiter();
		l.release('x', l.admit('x'));
		advance(61_000);
		l.sweep();
		expect(l.counts.addresses).toBe(0);
	});

	it('words durations for people', () => {
		expect(formatDuration(600_000)).toBe('10 minutes');
		expect(formatDuration(60_000)).toBe('1 minute');
		expect(formatDuration(1000)).toBe('1 second');
		expect(formatDuration(1500)).toBe('1.5 seconds');
	});

	it('lets a burst of keys through, then the rate, and drops the rest', () => {
		let now = 0;
		const budget = new KeyBudget(10, () => now);
		expect(budget.take(15)).toBe(15);
		expect(budget.take(10)).toBe(5);
		expect(budget.take(1)).toBe(0);
		now += 500;
		expect(budget.take(100)).toBe(5);
		now += 60_000;
		expect(budget.take(100)).toBe(20);
	});
});
