// data/resume.json must stay a valid JSON Resume 1.0.0 document, checked with the schema the
// JSON Resume project itself publishes (draft-07).
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {Ajv, type ErrorObject} from 'ajv';
import addFormatsModule from 'ajv-formats';
import {describe, expect, it} from 'vitest';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@jsonresume/schema/schema.json');
const resumePath = fileURLToPath(new URL('../../data/resume.json', import.meta.url));

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const ajv = new Ajv({allErrors: true, strict: false});
addFormats(ajv);
const validate = ajv.compile(readJson(schemaPath) as object);

function errorsOf(document: unknown): ErrorObject[] {
	return validate(document) ? [] : (validate.errors ?? []);
}

describe('data/resume.json against the JSON Resume schema', () => {
	it('is valid', () => {
		const errors = errorsOf(readJson(resumePath));
		expect(errors, ajv.errorsText(errors, {separator: '\n'})).toEqual([]);
	});

	it('rejects a broken copy (a date not in YYYY-MM form)', () => {
		const broken = readJson(resumePath) as {work: Array<{startDate: string}>};
		broken.work[0]!.startDate = 'June 2019';
		expect(errorsOf(broken)).toEqual([
			expect.objectContaining({instancePath: '/work/0/startDate', keyword: 'pattern'}),
		]);
	});
});
