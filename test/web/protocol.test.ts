// The rules of the web side as pure functions: messages, origins, the HTTP caps.
import {describe, expect, it} from 'vitest';
import {HttpLimiter} from '../../source/web/http-limits.js';
import {isAllowedOrigin, parseOrigin} from '../../source/web/origin.js';
import {closeReason, parseControl} from '../../source/web/protocol.js';

describe('control messages', () => {
	it('reads a resize, clamping its size to 1–1000', () => {
		expect(parseControl('{"type":"resize","cols":120,"rows":40}')).toEqual({type: 'resize', cols: 120, rows: 40});
		expect(parseControl('{"type":"resize","cols":0,"rows":-5}')).toEqual({type: 'resize', cols: 1, rows: 1});
		expect(parseControl('{"type":"resize","cols":99999,"rows":1e9}')).toEqual({type: 'resize', cols: 1000, rows: 1000});
		expect(parseControl('{"type":"resize","cols":80.7,"rows":24.2}')).toEqual({type: 'resize', cols: 80, rows: 24});
	});

	it.each([
		'', 'resize', 'null', '[]', '42', '"resize"', '{}', '{"type":"resize"}', '{"type":"resize","cols":80}', '{"type":"Resize","cols":80,"rows":24}',
		'{"type":"resize","cols":"80","rows":24}', '{"type":"resize","cols":80,"rows":null}', '{"type":"resize","cols":80,"rows":24,"theme":"dark"}',
		'{"type":"input","data":"j"}', '{"type":"resize","cols":80,"rows":24', '{"__proto__":{"type":"resize"},"cols":80,"rows":24}',
	])('refuses %j', (text) => {
		expect(parseControl(text)).toBeUndefined();
	});

	it('cuts a close reason to 123 bytes at a character', () => {
		expect(closeReason('short')).toBe('short');
		const reason = closeReason('é'.repeat(100));
		expect(Buffer.byteLength(reason)).toBe(122);
		expect(reason).toBe('é'.repeat(61));
	});
});

describe('origins', () => {
	it('takes --web-origin values of a scheme and a host only', () => {
		expect(parseOrigin('https://Resume.Example')).toBe('https://resume.example');
		expect(parseOrigin('http://localhost:8080')).toBe('http://localhost:8080');
		expect(parseOrigin('https://resume.example:443')).toBe('https://resume.example');
		for (const bad of ['resume.example', 'https://resume.example/', 'https://resume.example/cv', 'ftp://resume.example', 'https://u:p@resume.example', 'https://resume.example?x', 'javascript:alert(1)']) {
			expect(parseOrigin(bad), bad).toBeUndefined();
		}
	});

	it("allows the given origins, or else the page's own", () => {
		expect(isAllowedOrigin('https://resume.example', 'anything', ['https://resume.example'])).toBe(true);
		expect(isAllowedOrigin('https://other.example', 'other.example', ['https://resume.example'])).toBe(false);
		expect(isAllowedOrigin('http://host:8080', 'host:8080', [])).toBe(true);
		expect(isAllowedOrigin('https://host:8080', 'host:8080', [])).toBe(true);
		expect(isAllowedOrigin('http://host', 'host:8080', [])).toBe(false);
		expect(isAllowedOrigin(undefined, 'host', [])).toBe(false);
		expect(isAllowedOrigin('http://host', undefined, [])).toBe(false);
		expect(isAllowedOrigin('http://host', '', [])).toBe(false);
		expect(isAllowedOrigin('http://a b', 'a b', [])).toBe(false);
	});
});

describe('the HTTP caps', () => {
	it('counts open connections per address, and forgets them when they close', () => {
		const limiter = new HttpLimiter({connectionsPerAddress: 2, requestsPerMinute: 100});
		expect([limiter.connect('a'), limiter.connect('a'), limiter.connect('a'), limiter.connect('b')]).toEqual([true, true, false, true]);
		limiter.disconnect('a');
		expect(limiter.connect('a')).toBe(true);
		expect(limiter.counts.connections).toBe(3);
	});

	it('counts requests per address per minute', () => {
		let now = 0;
		const limiter = new HttpLimiter({connectionsPerAddress: 2, requestsPerMinute: 3}, () => now);
		expect([1, 2, 3, 4].map(() => limiter.request('a'))).toEqual([true, true, true, false]);
		expect(limiter.request('b')).toBe(true);
		now = 60_000;
		expect(limiter.request('a')).toBe(true);
		now = 130_000;
		limiter.sweep();
		expect(limiter.counts.addresses).toBe(0);
	});
});
