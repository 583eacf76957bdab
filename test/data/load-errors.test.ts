// Bad input: one line naming the file and the problem, exit 2, no stack trace.
import {spawnSync} from 'node:child_process';
import {chmodSync, copyFileSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadResumeFile} from '../../source/data/load.js';
import {cliPath, runCli} from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'balakumaran-load-'));
const file = (name: string, content: string | Buffer): string => {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
};

const isRoot = process.getuid?.() === 0;

describe('loading a résumé file', () => {
	const cases: Array<[string, () => string, (path: string) => string]> = [
		['a missing file', () => join(dir, 'missing.json'), (path) => `${path}: no such file`],
		['a directory', () => dir, (path) => `${path}: is a directory, not a file`],
		['text that is not JSON', () => file('broken.json', '{\n  "basics": {\n    "name": "Ada",\n  }\n}\n'), (path) => `${path}: not valid JSON at line 4, column 3`],
		[
			'JSON of the wrong shape',
			() => file('shape.json', JSON.stringify({basics: {name: 42}, work: [{}, {}, {startDate: 'June 2019'}], skills: 'C'})),
			(path) =>
				`${path}: not a valid JSON Resume: basics.name: expected a string, got number; work[2].startDate: expected YYYY, YYYY-MM or YYYY-MM-DD; skills: Invalid input: expected array, received string`,
		],
		['a file over 5 MB', () => file('huge.json', Buffer.alloc(5 * 1024 * 1024 + 1, 0x20)), (path) => `${path}: file is 5.0 MB; the limit is 5 MB`],
		['a file that is not UTF-8', () => file('latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d])), (path) => `${path}: not UTF-8 text`],
		['a JSON value that is not an object', () => file('array.json', '[1, 2]'), (path) => `${path}: not a valid JSON Resume: (document): Invalid input: expected object, received array`],
	];

	for (const [name, make, message] of cases) {
		it(`reports ${name} in one line`, () => {
			const path = make();
			expect(loadResumeFile(path)).toEqual({ok: false, error: message(path)});
		});
	}

	it('reports an unreadable file', () => {
		const path = file('secret.json', '{}');
		chmodSync(path, 0o000);
		const expected = `${path}: permission denied`;
		if (isRoot) {
			// Root reads anything: ask as an unprivileged user, through a copy of the one-file CLI
			// that user can surely read.
			chmodSync(dir, 0o755);
			const cli = join(dir, 'cli.js');
			copyFileSync(cliPath, cli);
			const result = spawnSync(process.execPath, [cli, '--resume', path], {uid: 65_534, gid: 65_534, encoding: 'utf8'});
			expect({status: result.status, stderr: result.stderr}).toEqual({status: 2, stderr: `balakumaran: ${expected}\n`});
		} else {
			expect(loadResumeFile(path)).toEqual({ok: false, error: expected});
		}
	});

	it('exits 2 with the one-line error and no stack trace from the CLI', () => {
		for (const [, make, message] of cases) {
			const path = make();
			const result = runCli(['--resume', path, '--format', 'text']);
			expect(result).toEqual({status: 2, stdout: '', stderr: `balakumaran: ${message(path)}\n`});
		}
	});
});
