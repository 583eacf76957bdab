// test/fixtures/sparse.json leaves out almost every optional field; the built bin prints it whole.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';

const sparsePath = fileURLToPath(new URL('../fixtures/sparse.json', import.meta.url));

function print(format: string): string {
	const result = runCli(['--resume', sparsePath, '--format', format, '--width', '80']);
	expect(result).toMatchObject({status: 0, stderr: ''});
	return result.stdout;
}

describe('missing optional fields', () => {
	it('leave no "undefined", empty brackets or stray separators in any format', () => {
		for (const format of ['text', 'markdown']) {
			expect(print(format)).not.toMatch(/undefined|null|NaN|\(\)|\[\]|\*\*\*\*|· ·|^[ #-]*·|· *$|^\s*[:–]|[:–]\s*$/m);
		}

		const text = print('text');
		expect(text).toContain('Engineer\n2020 – Present');
		expect(text).toContain('• Only a bullet');
		expect(text).toContain('Expert');
	});
});
