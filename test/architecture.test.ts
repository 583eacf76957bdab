// Each folder of source/ imports only what its layer may (docs/architecture.md).
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../source', import.meta.url));
const files = (readdirSync(root, {recursive: true}) as string[]).filter((file) => /\.tsx?$/.test(file) && !file.startsWith(`web${path.sep}page`));

/** Each file's imports: its folder, and the folders (or packages) it imports, type-only ones marked. */
function importsOf(file: string): Array<{readonly target: string; readonly isType: boolean}> {
	const source = readFileSync(path.join(root, file), 'utf8');
	return [...source.matchAll(/^(?:import|export)(\s+type)?[^'"]*from\s+'([^']+)'/gm), ...source.matchAll(/import\('([^']+)'\)/g)].map((match) => {
		const specifier = match.length === 3 ? (match[2] ?? '') : (match[1] ?? '');
		const isType = match.length === 3 && match[1] !== undefined;
		if (!specifier.startsWith('.')) {
			return {target: specifier.startsWith('node:') ? 'node' : specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'), isType};
		}

		const resolved = path.relative(root, path.resolve(root, path.dirname(file), specifier));
		return {target: resolved.split(path.sep)[0] ?? '', isType};
	});
}

const reactOrInk = new Set(['react', 'ink', 'ink-select-input', 'react-reconciler', 'yoga-layout', 'ink-testing-library']);
const rules: Record<string, {readonly allowed: readonly string[]; readonly types?: readonly string[]; readonly inkAllowed?: boolean}> = {
	data: {allowed: ['data', '..']},
	document: {allowed: ['data', 'document'], types: ['view']},
	model: {allowed: ['model', 'document'], types: ['data']},
	terminal: {allowed: ['terminal'], types: ['view', 'model', 'data']},
	view: {allowed: ['view', 'model', 'document', 'data', 'terminal'], inkAllowed: true},
	cli: {allowed: ['cli', 'data', 'document', 'model', 'view', 'terminal', 'ssh', '..'], types: ['host']},
};

describe('the layers', () => {
	for (const [folder, rule] of Object.entries(rules)) {
		it(`${folder}/ imports only ${rule.allowed.join(', ')}${rule.types ? ` (and types of ${rule.types.join(', ')})` : ''}`, () => {
			const wrong: string[] = [];
			for (const file of files.filter((name) => name.startsWith(`${folder}${path.sep}`))) {
				const isComponent = file.includes(`${path.sep}components${path.sep}`);
				// The one seam to the Ink host: the build puts the compressed app's loader here.
				const isAppLoader = file === path.join('cli', 'load-app.ts');
				for (const {target, isType} of importsOf(file)) {
					const isLocal = ['data', 'document', 'model', 'view', 'terminal', 'host', 'cli', 'ssh', 'web', 'package.json'].includes(target) || target.startsWith('..');
					if (reactOrInk.has(target) && !(rule.inkAllowed && isComponent)) {
						wrong.push(`${file} → ${target}`);
					} else if (isLocal && !rule.allowed.includes(target) && !(isType && rule.types?.includes(target)) && !(isAppLoader && target === 'host')) {
						wrong.push(`${file} → ${target}/`);
					}
				}
			}

			expect(wrong).toEqual([]);
		});
	}
});
