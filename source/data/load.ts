// Reads, parses and validates a résumé: the app only ever sees a typed, sanitised Resume, and a
// bad file becomes one friendly line naming the file and each problem.
import {readFileSync, statSync} from 'node:fs';
import {en} from 'zod/locales';
import {resumeSchema, type Resume} from './schema.js';
import {sanitizeDeep} from './sanitize.js';

export type LoadResult = {readonly ok: true; readonly resume: Resume} | {readonly ok: false; readonly error: string};

export const maxResumeBytes = 5 * 1024 * 1024;

// zod/mini ships no wording ("Invalid input" for every problem); problems the schema does not word
// itself, such as a list where an object belongs, read as zod's English messages. Passed per parse
// rather than through z.config so nothing outside the loader changes.
const englishMessages = en().localeError;

function formatPath(path: ReadonlyArray<PropertyKey>): string {
	let out = '';
	for (const part of path) {
		out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
	}

	return out === '' ? '(document)' : out;
}

function lineAndColumn(source: string, message: string): string {
	const explicit = /line (\d+) column (\d+)/.exec(message);
	if (explicit) {
		return `line ${explicit[1]}, column ${explicit[2]}`;
	}

	const position = /position (\d+)/.exec(message);
	const offset = position ? Number(position[1]) : source.length;
	const before = source.slice(0, offset).split('\n');
	return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** Validates an already-parsed JSON value. `origin` names it in error messages. */
export function parseResume(value: unknown, origin: string): LoadResult {
	const result = resumeSchema.safeParse(value, {error: englishMessages});
	if (!result.success) {
		const problems = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
		return {ok: false, error: `${origin}: not a valid JSON Resume: ${problems.join('; ')}`};
	}

	return {ok: true, resume: sanitizeDeep(result.data)};
}

/** Parses JSON text; errors name the line and column. */
export function parseResumeText(source: string, origin: string): LoadResult {
	let value: unknown;
	try {
		value = JSON.parse(source);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return {ok: false, error: `${origin}: not valid JSON at ${lineAndColumn(source, message)}`};
	}

	return parseResume(value, origin);
}

const readErrors: Record<string, string> = {
	ENOENT: 'no such file',
	EISDIR: 'is a directory, not a file',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
};

/** Reads a JSON Resume file from disk. */
export function loadResumeFile(path: string): LoadResult {
	let bytes: Buffer;
	try {
		const stats = statSync(path);
		if (stats.isDirectory()) {
			return {ok: false, error: `${path}: is a directory, not a file`};
		}

		if (stats.size > maxResumeBytes) {
			return {ok: false, error: `${path}: file is ${(stats.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB`};
		}

		bytes = readFileSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? '';
		return {ok: false, error: `${path}: ${readErrors[code] ?? `cannot read (${code || 'unknown error'})`}`};
	}

	let source: string;
	try {
		source = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		return {ok: false, error: `${path}: not UTF-8 text`};
	}

	return parseResumeText(source.replace(/^\uFEFF/, ''), path);
}
