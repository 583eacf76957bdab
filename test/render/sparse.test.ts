import {describe, expect, it} from 'vitest';
import {parseResume} from '../../source/data/load.js';
import {printResume} from '../../source/render/print.js';

describe('missing optional fields', () => {
	it('leave no "undefined", empty brackets or stray separators in any format', () => {
		const loaded = parseResume(
			{
				basics: {name: 'Ada', profiles: [{network: 'GitHub'}, {url: 'https://example.com'}]},
				work: [{name: 'Acme'}, {position: 'Engineer', startDate: '2020'}, {highlights: ['Shipped it']}],
				education: [{institution: 'School'}, {score: '90%'}],
				projects: [{name: 'Thing'}, {highlights: ['Only a bullet']}],
				skills: [{name: 'C'}, {keywords: ['x', 'y']}, {level: 'Expert'}],
				awards: [{}],
				languages: [{fluency: 'Native'}],
			},
			'sparse',
		);
		if (!loaded.ok) {
			throw new Error(loaded.error);
		}

		for (const format of ['text', 'markdown'] as const) {
			const output = printResume(loaded.resume, {format, width: 80});
			expect(output).not.toMatch(/undefined|null|NaN|\(\)|\[\]|\*\*\*\*|· ·|^[ #-]*·|· *$|^\s*[:–]|[:–]\s*$/m);
		}

		const text = printResume(loaded.resume, {format: 'text', width: 80});
		expect(text).toContain('Engineer\n2020 – Present');
		expect(text).toContain('• Only a bullet');
		expect(text).toContain('Expert');
	});
});
