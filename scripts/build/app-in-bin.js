// The Ink app inside the bin: the app takes the bin's own modules at run time instead of a second
// copy, and rides at the end of the bin, compressed, until the bin's first frame is painted.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {pathToFileURL} from 'node:url';

// The bin's own modules, found by building it once without the app, are taken from the bin at
// run time rather than bundled twice: our source files (named exports only), libraries whose
// exports are a default alone or names alone, and libraries with both where the importing file
// only takes the default. What the bin hands over (the default value, or the namespace) reads the
// same through esbuild's CommonJS interop as the import would.
/** Builds the bin without the app, to learn its modules. */
export const withoutApp = {
	name: 'without-app',
	setup(build) {
		build.onLoad({filter: /[\\/]source[\\/]cli[\\/]load-app\.ts$/}, () => ({contents: 'export async function loadApp() {}', loader: 'js'}));
	},
};
/**
 * What each of the bin's modules exports: its kind ('named', 'default' or 'both') and its named
 * exports. Our source files' names come from esbuild (each built alone), libraries' from Node.js.
 */
async function exportsOf(binInputs, esbuild) {
	const exports = new Map();
	const sources = [...binInputs].filter((input) => input.startsWith('source/'));
	const built = await esbuild.build({entryPoints: sources, outdir: 'exports-of', bundle: false, format: 'esm', write: false, metafile: true, logLevel: 'silent'});
	for (const output of Object.values(built.metafile.outputs)) {
		if (output.entryPoint) {
			exports.set(output.entryPoint, {kind: 'named', names: output.exports});
		}
	}

	for (const input of binInputs) {
		if (input.startsWith('node_modules/') && input.endsWith('.js')) {
			const all = Object.keys(await import(pathToFileURL(path.resolve(input)).href));
			const names = all.filter((name) => name !== 'default');
			exports.set(input, {kind: all.includes('default') ? (names.length > 0 ? 'both' : 'default') : 'named', names});
		}
	}

	return exports;
}

const escapeRegExp = (text) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
/** Whether every import of `specifier` in the file is a plain default import. */
async function takesOnlyDefault(file, specifier) {
	const quoted = `['"]${escapeRegExp(specifier)}['"]`;
	const source = await readFile(file, 'utf8');
	const all = source.match(new RegExp(String.raw`\bimport\b[^;'"]*?\bfrom\s*${quoted}`, 'g')) ?? [];
	return all.length > 0 && all.every((statement) => new RegExp(String.raw`^import\s+[\w$]+\s+from\s*${quoted}$`).test(statement));
}

// The app requires `bin:<n>` (or `bin:<n>d` for a default value), n being the module's place among
// the bin's sorted inputs: short, as the ids are in the tarball twice, and the same on every build.
const sharedPrefix = 'bin:';

/**
 * The app's stand-in for a module it takes from the bin: an ES module that declares exactly what
 * the bin's module exports, so esbuild checks every import of it and a name the bin does not have
 * stops the build instead of being undefined at run time.
 */
function handedOverModule(id, handOver, names) {
	const from = `require(${JSON.stringify(sharedPrefix + id)})`;
	if (handOver === 'default') {
		return `export default ${from};`;
	}

	return [`const bin = ${from};`, ...names.map((name) => `export const ${name} = bin.${name};`)].join('\n');
}

/**
 * For the app's build, given the bin's inputs (from a build with `withoutApp`): the plugin, and a
 * map from each id it required to the module (`handOver:input`).
 */
export async function fromTheBin(binInputs, esbuild) {
	const binExports = await exportsOf(binInputs, esbuild);
	const sorted = [...binInputs].sort();
	const used = new Map();
	const plugin = {
		name: 'from-the-bin',
		setup(build) {
			build.onResolve({filter: /^[^:]*$/}, async (args) => {
				if (args.pluginData === 'from-the-bin' || args.kind !== 'import-statement') {
					return undefined;
				}

				const resolved = await build.resolve(args.path, {kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'from-the-bin'});
				const input = path.relative(process.cwd(), resolved.path).split(path.sep).join('/');
				const exported = binExports.get(input);
				if (resolved.errors.length > 0 || resolved.external || !binInputs.has(input) || exported === undefined) {
					return undefined;
				}

				const {kind, names} = exported;
				const handOver = kind === 'both' ? ((await takesOnlyDefault(args.importer, args.path)) ? 'default' : undefined) : kind === 'default' ? 'default' : 'namespace';
				if (handOver === undefined) {
					return undefined;
				}

				const id = `${sorted.indexOf(input)}${handOver === 'default' ? 'd' : ''}`;
				used.set(id, `${handOver}:${input}`);
				return {path: id, namespace: 'from-the-bin', pluginData: {handOver, names}};
			});
			build.onLoad({filter: /.*/, namespace: 'from-the-bin'}, (args) => ({
				contents: handedOverModule(args.path, args.pluginData.handOver, args.pluginData.names),
				loader: 'js',
			}));
			build.onResolve({filter: new RegExp(`^${sharedPrefix}`)}, (args) => ({path: args.path, external: true}));
		},
	};
	return {plugin, used};
}

// The script rides at the end of the bin inside a comment, which V8 skips at start-up for almost
// nothing (a string literal of it would be read, internalised and collected: ~15 ms before the
// first frame); the loader reads it back from the bin's own file.
const appMarker = '/*app:';

/** The end of the bin: the app, Brotli in base64, in a comment. */
export const appComment = (packed) => `${appMarker}${packed}*/\n`;

/** The bin's loader of the app (source/cli/load-app.ts), handing it the modules `used` from the bin. */
export const appLoader = (used) => {
	const modules = [...used].sort(([a], [b]) => a.localeCompare(b));
	return {
		name: 'app-loader',
		setup(build) {
			build.onLoad({filter: /[\\/]source[\\/]cli[\\/]load-app\.ts$/}, () => ({
				contents: [
					"import path from 'node:path';",
					...modules.map(([, module], index) => `import * as binModule${index} from ${JSON.stringify(path.resolve(module.slice(module.indexOf(':') + 1)))};`),
					`const binModules = {${modules.map(([id, module], index) => `${JSON.stringify(id)}: binModule${index}${module.startsWith('default:') ? '.default' : ''}`).join(', ')}};`,
					`const appRequire = (id) => (id.startsWith(${JSON.stringify(sharedPrefix)}) ? binModules[id.slice(${sharedPrefix.length})] : require(id));`,
					'let app;',
					// Reading and Brotli run on libuv's threads; compiling and running the script are the
					// two blocks left on the main thread, each after a pause the bin may fill with keys.
					'export async function loadApp(pause = async () => undefined) {',
					'\tapp ??= (async () => {',
					"\t\tconst bin = await require('node:fs/promises').readFile(__filename, 'latin1');",
					`\t\tconst start = bin.lastIndexOf(${JSON.stringify(appMarker)}) + ${appMarker.length};`,
					"\t\tconst packed = Buffer.from(bin.slice(start, bin.indexOf('*/', start)), 'base64');",
					"\t\tconst zlib = require('node:zlib');",
					"\t\tconst code = (await new Promise((resolve, reject) => zlib.brotliDecompress(packed, (error, result) => (error ? reject(error) : resolve(result))))).toString('utf8');",
					"\t\tconst filename = path.join(__dirname, 'app.cjs');",
					'\t\tconst module = {exports: {}};',
					'\t\tawait pause();',
					'\t\tconst script = new (require(\'node:vm\').Script)(`(function (exports, require, module, __filename, __dirname) {${code}\\n})`, {filename});',
					'\t\tawait pause();',
					'\t\tscript.runInThisContext()(module.exports, appRequire, module, filename, __dirname);',
					'\t\treturn module.exports;',
					'\t})();',
					'\treturn app;',
					'}',
				].join('\n'),
				resolveDir: process.cwd(),
				loader: 'js',
			}));
		},
	};
};
