import {describe, expect, it} from 'vitest';
import {formatVisitLog, printableUser} from '../../source/ssh/visit-log.js';

const base = {address: '203.0.113.9', family: 'IPv4', port: 57_256, startedAt: Date.UTC(2026, 10, 27, 17, 4, 5), bytesIn: 2616, bytesOut: 11_753};

describe('the log line', () => {
	it('says when, who, how long, how much and why it ended', () => {
		const line = formatVisitLog({...base, user: printableUser('alice'), endReason: 'quit', refused: new Set()}, base.startedAt + 84_250);
		expect(line).toBe('2026-11-27T17:05:29.250Z 203.0.113.9:57256 user="alice" duration=84.3s in=2616B out=11753B end=quit');
	});

	it('brackets IPv6 addresses and lists what was refused', () => {
		const line = formatVisitLog({...base, address: '2001:db8::1', family: 'IPv6', endReason: 'exec:json', refused: new Set(['env', 'x11'])}, base.startedAt);
		expect(line).toBe('2026-11-27T17:04:05.000Z [2001:db8::1]:57256 user=- duration=0.0s in=2616B out=11753B end=exec:json refused=env,x11');
	});

	it('keeps a hostile user name to one quoted line of printable ASCII', () => {
		expect(printableUser('root\n2026-01-01T00:00:00Z forged line')).toBe('"root?2026-01-01T00:00:00Z forged line"');
		expect(printableUser('a"b\\c\u001B[31m')).toBe('"a\\"b\\\\c?[31m"');
		expect(printableUser('é'.repeat(100))).toBe(`"${'?'.repeat(64)}"`);
	});
});
