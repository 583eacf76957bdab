// The build stops, rather than shipping a bin that fails at run time, when a dependency or our own
// code changes how a lazily loaded built-in or a module handed from the bin to the app is imported,
// and when the bin's own code would load Ink.
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';
import {describe, expect, it} from 'vitest';
import {fromTheBin} from '../../scripts/build/app-in-bin.js';
import {checkBinWithoutInk} from '../../scripts/build/checks.js';
import {bundle} from '../../scripts/build/options.js';
import {builtinsOnFirstUse} from '../../scripts/build/plugins.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const asBin = (contents: string, plugins: esbuild.Plugin[]): Promise<esbuild.BuildResult> =>
	bundle({stdin: {contents, resolveDir: root, loader: 'ts'}, bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', plugins});
/** Runs a CommonJS build; returns its `value` export and the modules it has required so far. */
const run = (result: esbuild.BuildResult): {readonly value: unknown; readonly required: string[]} => {
	const module = {exports: {} as Record<string, unknown>};
	const required: string[] = [];
	const require = (id: string): unknown => {
		required.push(id);
		return process.getBuiltinModule(id);
	};

	// eslint-disable-next-line no-new-func
	new Function('module', 'exports', 'require', result.outputFiles?.[0]?.text ?? '')(module, module.exports, require);
	return {value: module.exports['value'], required};
};

describe('built-ins loaded on first use', () => {
	it('give a named import of a function that works, and load the built-in only when it is called', async () => {
		const {value, required} = run(await asBin("import {homedir} from 'node:os'; export const value = () => homedir();", [builtinsOnFirstUse]));
		expect(required).toEqual([]);
		expect((value as () => string)()).toBe((await import('node:os')).homedir());
		expect(required).toEqual(['node:os']);
	});

	it('give the whole built-in to a default import', async () => {
		const built = await asBin("import v8 from 'node:v8'; export const value = typeof v8.setFlagsFromString;", [builtinsOnFirstUse]);
		expect(run(built).value).toBe('function');
	});

	it('read a constant only when imported, and only from the module that imports it', async () => {
		const {value, required} = run(await asBin("import {EOL} from 'node:os'; export const value = EOL;", [builtinsOnFirstUse]));
		expect(value).toBe((await import('node:os')).EOL);
		expect(required).toEqual(['node:os']);
		const unused = run(await asBin("import {homedir} from 'node:os'; export const value = typeof homedir;", [builtinsOnFirstUse]));
		expect(unused.required).toEqual([]);
	});

	it('stop the build at a name the built-in does not have', async () => {
		await expect(asBin("import {noSuchThing} from 'node:zlib'; export const value = noSuchThing;", [builtinsOnFirstUse])).rejects.toThrow(
			/No matching export in "builtin-on-first-use:node:zlib" for import "noSuchThing"/,
		);
		await expect(asBin("import * as os from 'node:os'; export const value = os.noSuchThing;", [builtinsOnFirstUse])).rejects.toThrow(
			/esbuild warned, which the build treats as an error:\n.*Import "noSuchThing" will always be undefined/,
		);
	});
});

describe('modules handed from the bin to the app', () => {
	const textWidth = 'source/document/text-width.ts';
	const asApp = async (contents: string): Promise<esbuild.BuildResult> => {
		const sharing = await fromTheBin(new Set([textWidth]), esbuild);
		return asBin(contents, [sharing.plugin]);
	};

	it('are required from the bin by number, each name the bin exports read off it', async () => {
		const built = await asApp(`import {simpleTextWidth} from './${textWidth}'; export const value = simpleTextWidth;`);
		const text = built.outputFiles?.[0]?.text ?? '';
		expect(text).toContain('require("bin:0")');
		expect(text).not.toContain('eastAsianWidth');
	});

	it('stop the build at a name the bin does not export', async () => {
		await expect(asApp(`import {noSuchExport} from './${textWidth}'; export const value = noSuchExport;`)).rejects.toThrow(
			new RegExp(`No matching export in "from-the-bin:0" for import "noSuchExport"`),
		);
	});
});

describe("the bin's own code", () => {
	it('stops the build when it would include Ink or React', () => {
		const metafile = {inputs: {'source/cli/bin.ts': {bytes: 1, imports: []}, 'node_modules/react/cjs/react.production.js': {bytes: 1, imports: []}}, outputs: {}};
		expect(() => {
			checkBinWithoutInk(metafile);
		}).toThrow("dist/cli.cjs must paint its first frame without Ink, but its own code includes react (node_modules/react/cjs/react.production.js); import it from the app (source/cli/load-app.ts) instead");
		expect(() => {
			checkBinWithoutInk({...metafile, inputs: {'source/cli/bin.ts': {bytes: 1, imports: []}}});
		}).not.toThrow();
	});
});
