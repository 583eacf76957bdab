// The bundle's patches and stand-ins for its dependencies, one esbuild plugin each (scripts/build.js
// says which build uses which; scripts/build/README.md lists them all). Every text patch goes
// through replace-once.js, so it matches exactly once or the build stops.
import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import process from 'node:process';
import {brotliCompressSync, constants as zlib} from 'node:zlib';
import {replaceOnce} from './replace-once.js';

// Ink loads React devtools, and reads its own package.json for them, only when DEV=true: a
// development tool, not part of the résumé. Both are awaited at the top level, which the
// CommonJS script the bin compiles cannot do, so both go.
export const withoutInkDevtools = {
	name: 'without-ink-devtools',
	setup(build) {
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/}, async (args) => {
			let source = await readFile(args.path, 'utf8');
			source = replaceOnce(source, "await import('./devtools.js');", '// React devtools are not bundled.', {patch: 'without-ink-devtools', file: args.path, library: 'Ink'});
			source = replaceOnce(source, '? await loadPackageJson()', '? {name: undefined, version: undefined}', {patch: 'without-ink-devtools', file: args.path, library: 'Ink'});
			return {contents: source, loader: 'js'};
		});
	},
};

// ssh2 tries its native crypto binding and the optional `cpu-features` addon inside try/catch and
// falls back to pure JavaScript; a single-file package cannot carry .node files, so both throw.
export const withoutNativeAddons = {
	name: 'without-native-addons',
	setup(build) {
		build.onResolve({filter: /\.node$|^cpu-features$/}, (args) => ({path: args.path, namespace: 'native-addon'}));
		build.onLoad({filter: /.*/, namespace: 'native-addon'}, (args) => ({
			contents: `throw new Error(${JSON.stringify(`${args.path} is not bundled`)});`,
			loader: 'js',
		}));
	},
};

// yoga-layout's Emscripten loader embeds its WASM as a base64 `data:` URL and fetch()es it, which
// makes Node load undici (~40–65 ms) before the first frame. Handing the loader the bytes as
// `wasmBinary` skips the fetch. The bytes ship Brotli-compressed: base64 of raw WASM barely
// gzips, so this takes ~14 KB off the tarball for under a millisecond of decoding.
export const yogaWasmWithoutFetch = {
	name: 'yoga-wasm-without-fetch',
	setup(build) {
		build.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async (args) => {
			let source = await readFile(args.path, 'utf8');
			const prefix = 'H="data:application/octet-stream;base64,';
			const start = source.indexOf(prefix);
			const end = source.indexOf('"', start + prefix.length);
			if (start === -1 || end === -1) {
				throw new Error(`${args.path}: no embedded WASM found; has yoga-layout's loader changed?`);
			}

			const wasm = Buffer.from(source.slice(start + prefix.length, end), 'base64');
			const packed = brotliCompressSync(wasm, {
				params: {[zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: wasm.length},
			}).toString('base64');
			// The URL stays a (now empty) data: URL so the loader never resolves it against a path.
			source = source.slice(0, start) + prefix + source.slice(end);
			source = replaceOnce(
				source,
				'h.wasmBinary&&(w=h.wasmBinary);',
				// `require` is the bundle's own (see the banner); zlib loads only when yoga does.
				`w=h.wasmBinary||require("node:zlib").brotliDecompressSync(Buffer.from(${JSON.stringify(packed)},"base64"));`,
				{patch: 'yoga-wasm-without-fetch', file: args.path, library: "yoga-layout's loader"},
			);
			return {contents: source, loader: 'js'};
		});
	},
};

// `serve` runs an SSH server and nothing else of ssh2: it never acts as a client or an agent, and
// session.ts refuses sftp and every subsystem. The package index requires the client, the agents
// and SFTP (~95 KB); `ssh2` resolves here to the three modules the server code uses. Anything
// else read from it fails loudly rather than being undefined.
export const ssh2ServerOnly = {
	name: 'ssh2-server-only',
	setup(build) {
		build.onResolve({filter: /^ssh2$/}, (args) =>
			args.importer.includes(`${path.sep}source${path.sep}`) ? {path: 'ssh2', namespace: 'ssh2-server-only'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'ssh2-server-only'}, () => ({
			contents: [
				"const {parseKey} = require('ssh2/lib/protocol/keyParser.js');",
				"const {generateKeyPair, generateKeyPairSync} = require('ssh2/lib/keygen.js');",
				"const bundled = {Server: require('ssh2/lib/server.js'), utils: {parseKey, generateKeyPair, generateKeyPairSync}};",
				'module.exports = new Proxy(bundled, {get(target, name) {',
				'\tif (name in target || typeof name === "symbol" || name === "__esModule" || name === "then") return target[name];',
				'\tthrow new Error(`ssh2.${String(name)} is not bundled (see ssh2ServerOnly in scripts/build/plugins.js)`);',
				'}});',
			].join('\n'),
			resolveDir: process.cwd(),
			loader: 'js',
		}));
		// The server requires SFTP only to construct it when a session's 'sftp' listener accepts, and
		// ssh2/lib/utils.js only to compare a channel's constructor with it. Ours only rejects.
		build.onResolve({filter: /^\.\/protocol\/SFTP\.js$/}, (args) =>
			/[\\/]ssh2[\\/]lib[\\/](?:server|utils)\.js$/.test(args.importer) ? {path: 'ssh2-sftp', namespace: 'ssh2-sftp-stub'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'ssh2-sftp-stub'}, () => ({
			contents: "exports.SFTP = class SFTP { constructor() { throw new Error('SFTP is not bundled (see scripts/build/plugins.js)'); } };",
			loader: 'js',
		}));
		// bcrypt-pbkdf (and tweetnacl under it) only derives keys for passphrase-protected private
		// keys. We never pass a passphrase: ssh2 refuses an encrypted host key before it gets here,
		// and the keys we generate are unencrypted.
		build.onResolve({filter: /^bcrypt-pbkdf$/}, (args) =>
			/[\\/]ssh2[\\/]lib[\\/]/.test(args.importer) ? {path: 'bcrypt-pbkdf', namespace: 'bcrypt-pbkdf-stub'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'bcrypt-pbkdf-stub'}, () => ({
			contents: "exports.pbkdf = () => { throw new Error('encrypted OpenSSH keys are not supported (bcrypt-pbkdf is not bundled)'); };",
			loader: 'js',
		}));
	},
};

// meow reads and normalizes the nearest package.json (read-package-up, normalize-package-data with
// its SPDX licence lists, semver, hosted-git-info, @babel/code-frame: ~115 KB, evaluated at load)
// unless given `pkg`, and normalizes `pkg` only when `cli.pkg` is read. cli/run.ts passes `pkg` and
// never reads `cli.pkg`, so neither can run: options.js gets stubs that throw if that changes, and
// the two calls that build those libraries at load are marked pure, so esbuild drops them unused.
export const meowWithoutPackageReading = {
	name: 'meow-without-package-reading',
	setup(build) {
		const patches = {
			'options.js': [
				[
					"import { a as readPackageUpSync, n as normalizePackageData } from './dependencies.js';",
					'const readPackageUpSync = () => { throw new Error("meow: pass `pkg` (read-package-up is not bundled, see scripts/build/plugins.js)"); };\n' +
						'const normalizePackageData = () => { throw new Error("meow: `cli.pkg` is not available (normalize-package-data is not bundled, see scripts/build/plugins.js)"); };',
				],
			],
			'dependencies.js': [
				['var libExports = requireLib$1();', 'var libExports = /* @__PURE__ */ requireLib$1();'],
				['var normalizeExports = requireNormalize();', 'var normalizeExports = /* @__PURE__ */ requireNormalize();'],
				[
					'const normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
					'const normalizePackageData = /* @__PURE__ */ getDefaultExportFromCjs(normalizeExports);',
				],
			],
		};
		build.onLoad({filter: /[\\/]meow[\\/]build[\\/](?:options|dependencies)\.js$/}, async (args) => {
			let source = await readFile(args.path, 'utf8');
			for (const [search, replacement] of patches[path.basename(args.path)]) {
				source = replaceOnce(source, search, replacement, {patch: 'meow-without-package-reading', file: args.path, library: 'meow'});
			}

			return {contents: source, loader: 'js'};
		});
	},
};

// source/data/bundled.ts validates the résumé shipped in the package on every start, which means
// building the zod schema and parsing (~40 ms and ~5 MB before the first frame). It cannot change
// after the build, so the build runs the module once and bundles its result instead; an invalid
// résumé stops the build with the loader's own message. A --resume file is still validated at run
// time (data/load.ts).
export const computedAtBuild = {
	name: 'computed-at-build',
	setup(build) {
		build.onLoad({filter: /[\\/]source[\\/]data[\\/]bundled\.ts$/}, async (args) => {
			const name = 'bundledResume';
			const compiled = await build.esbuild.build({
				entryPoints: [args.path],
				bundle: true,
				write: false,
				platform: 'node',
				format: 'esm',
				target: 'node20',
				logLevel: 'silent',
			});
			const code = compiled.outputFiles[0]?.text ?? '';
			const value = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`))[name]();
			if (value.ok === false) {
				throw new Error(value.error);
			}

			// A fresh object per call, as the loader returns (JSON is a JavaScript expression).
			return {contents: `export function ${name}() { return ${JSON.stringify(value)}; }`, loader: 'js'};
		});
	},
};

// chalk imports a vendored copy of ansi-styles (its `#ansi-styles`) that is the same file as the
// ansi-styles package wrap-ansi, slice-ansi and ansi-tokenize import; one copy is enough. Should the
// two ever differ, chalk keeps its own.
export const chalkSharesAnsiStyles = {
	name: 'chalk-shares-ansi-styles',
	setup(build) {
		build.onResolve({filter: /^#ansi-styles$/}, async (args) => {
			if (!args.importer.includes(`${path.sep}chalk${path.sep}`)) {
				return undefined;
			}

			const vendored = path.join(path.dirname(args.importer), 'vendor', 'ansi-styles', 'index.js');
			const shared = await build.resolve('ansi-styles', {kind: args.kind, resolveDir: process.cwd()});
			if (shared.errors.length > 0) {
				return undefined;
			}

			const [own, theirs] = await Promise.all([readFile(vendored, 'utf8'), readFile(shared.path, 'utf8')]);
			return own === theirs ? {path: shared.path} : undefined;
		});
	},
};

// ink-select-input's default indicator draws `figures.pointer`; SectionMenu passes its own indicator
// and row components, so that default is never drawn and figures' symbol tables need not ship.
// The stand-in keeps figures' choice of pointer should it ever be drawn.
export const selectInputWithoutFigures = {
	name: 'select-input-without-figures',
	setup(build) {
		build.onResolve({filter: /^figures$/}, async (args) => {
			if (!args.importer.includes(`${path.sep}ink-select-input${path.sep}`)) {
				return undefined;
			}

			// Resolved from figures' own folder, so is-unicode-supported is the copy figures would use.
			const figures = await build.resolve('figures', {kind: args.kind, resolveDir: args.resolveDir});
			return {path: 'figures', namespace: 'select-input-figures', pluginData: path.dirname(figures.path)};
		});
		build.onLoad({filter: /.*/, namespace: 'select-input-figures'}, (args) => ({
			contents: "import isUnicodeSupported from 'is-unicode-supported'; export default {pointer: isUnicodeSupported() ? '\\u276F' : '>'};",
			resolveDir: args.pluginData,
			loader: 'js',
		}));
	},
};

// string-width, slice-ansi and ansi-tokenize (Ink's, once per line per frame) each build an
// Intl.Segmenter when they load, which loads ICU's break data (~20 ms, ~8 MB) whether or not it is
// needed. Each gets source/document/text-width.ts's graphemeSegmenter instead: it answers text
// whose every character is its own grapheme (ANSI codes, Latin text, our symbols) itself, and
// builds their Intl.Segmenter on first use for any other text.
const textWidth = path.resolve('source/document/text-width.ts');
function segmenterOnDemand(source, file) {
	const found = [...source.matchAll(/const (\w+) = new Intl\.Segmenter\(([^)]*)\);/g)];
	if (found.length !== 1) {
		throw new Error(`${file}: expected one Intl.Segmenter; has the library changed?`);
	}

	const [statement, name, options] = found[0];
	const patched = replaceOnce(source, statement, `const ${name} = graphemeSegmenter(() => new Intl.Segmenter(${options}));`, {patch: 'text-measured-on-demand', file, library: 'the library'});
	return `import {graphemeSegmenter} from ${JSON.stringify(textWidth)};\n${patched}`;
}

// string-width answers printable ASCII at once and everything else through grapheme segmentation
// and an emoji pattern. source/document/text-width.ts answers text whose characters are each a
// cluster of their own (Latin letters, punctuation, arrows, box drawing: a résumé and our chrome)
// the same way, proven for every such character by test/document/text-width.test.ts; the rest
// still takes the full path. (Setting V8's --no-regexp-tier-up at run time, to compile the emoji
// pattern straight to machine code, crashed Node.js now and then: a segmentation fault in ~1 of
// 15 runs on Node.js 24, and in vitest's workers, whose threads ran such text.)
function stringWidthFastPath(source, file) {
	const patched = replaceOnce(
		source,
		'\t\treturn string.length;\n\t}\n',
		'\t\treturn string.length;\n\t}\n\n\tconst simpleWidth = simpleTextWidth(string, !ambiguousIsNarrow);\n\tif (simpleWidth !== undefined) {\n\t\treturn simpleWidth;\n\t}\n',
		{patch: 'text-measured-on-demand', file, library: 'string-width'},
	);
	return `import {simpleTextWidth} from ${JSON.stringify(textWidth)};\n${patched}`;
}

export const textMeasuredOnDemand = {
	name: 'text-measured-on-demand',
	setup(build) {
		build.onLoad(
			{filter: /[\\/]node_modules[\\/](?:string-width[\\/]index|slice-ansi[\\/]tokenize-ansi|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize)\.js$/},
			async (args) => {
				const source = segmenterOnDemand(await readFile(args.path, 'utf8'), args.path);
				return {contents: /[\\/]string-width[\\/]/.test(args.path) ? stringWidthFastPath(source, args.path) : source, loader: 'js'};
			},
		);
	},
};

// Node.js compiles a built-in module the first time it is required: child_process, os, v8, crypto
// or zlib each cost 5-20 ms. The bin's first frame needs none of them, so in the bin they load on
// first use. The stand-in is an ES module that declares every export of the built-in, so esbuild
// checks each import of it when it bundles: its default export is a proxy of the whole built-in,
// each function is a named export that loads the built-in when called, and any other value (a
// constant, a class) is read off the built-in when the stand-in is evaluated, and only if imported
// (esbuild drops the pure reads nobody imports). An import of a name the built-in lacks stops the
// build. (A CommonJS proxy here once gave `import {setFlagsFromString} from 'node:v8'` undefined:
// esbuild's interop copies a module's own properties, and a proxy of {} has none.)
export const lazyBuiltins = ['node:child_process', 'node:os', 'node:v8', 'node:crypto', 'node:zlib', 'node:fs/promises', 'node:vm'];
const lazyBuiltinFilter = new RegExp(`^(?:${lazyBuiltins.map((name) => name.replace('/', String.raw`\/`)).join('|')})$`);
const require = createRequire(import.meta.url);

/** The stand-in module for the built-in `name`, loaded on first use. */
export function lazyBuiltinModule(name) {
	const names = Object.keys(require(name)).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default').sort();
	const isFunction = (key) => typeof require(name)[key] === 'function' && /^[a-z]/.test(key);
	return [
		'let loaded;',
		`const load = () => (loaded ??= require(${JSON.stringify(name)}));`,
		'const valueOf = (key) => load()[key];',
		"export default new Proxy({}, {get: (_, key) => load()[key], has: (_, key) => key in load()});",
		...names.map((key) =>
			isFunction(key) ? `export function ${key}(...args) { return load().${key}(...args); }` : `export const ${key} = /* @__PURE__ */ valueOf(${JSON.stringify(key)});`,
		),
	].join('\n');
}

export const builtinsOnFirstUse = {
	name: 'builtins-on-first-use',
	setup(build) {
		// A require() call is left alone: it already loads where it runs.
		build.onResolve({filter: lazyBuiltinFilter}, (args) =>
			args.namespace === 'builtin-on-first-use' || args.kind === 'require-call' ? undefined : {path: args.path, namespace: 'builtin-on-first-use'},
		);
		build.onLoad({filter: /.*/, namespace: 'builtin-on-first-use'}, (args) => ({contents: lazyBuiltinModule(args.path), loader: 'js'}));
	},
};

// `import process from 'node:process'` (ours, chalk's, supports-color's) becomes esbuild's CommonJS
// interop, which copies every property of `process` into a new object for each importing module
// (~2 ms before the first frame, ~8 ms in the app). It is the global `process` itself.
export const processIsGlobal = {
	name: 'process-is-global',
	setup(build) {
		build.onResolve({filter: /^(?:node:)?process$/}, () => ({path: 'process', namespace: 'process-is-global'}));
		build.onLoad({filter: /.*/, namespace: 'process-is-global'}, () => ({
			contents: [
				'const {env, argv, platform, versions} = process;',
				'export const cwd = () => process.cwd();',
				'export default process;',
				'export {env, argv, platform, versions};',
			].join('\n'),
			loader: 'js',
		}));
	},
};

// Yoga is WebAssembly, and its module waits for it at the top level, which a script evaluated by
// the bin cannot do. Here it exports a promise instead, settled once Yoga can lay out; Ink reads
// Yoga only inside functions, and runLocal awaits the promise (source/host/ink-ready.ts).
export const yogaWithoutTopLevelAwait = {
	name: 'yoga-without-top-level-await',
	setup(build) {
		build.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, async (args) => {
			const source = replaceOnce(
				await readFile(args.path, 'utf8'),
				'const Yoga = wrapAssembly(await loadYoga());\nexport default Yoga;',
				'let Yoga;\nexport const yogaReady = loadYoga().then((module) => {\n\tYoga = wrapAssembly(module);\n});\nexport {Yoga as default};',
				{patch: 'yoga-without-top-level-await', file: args.path, library: 'yoga-layout'},
			);
			return {contents: source, loader: 'js'};
		});
		build.onLoad({filter: /[\\/]source[\\/]host[\\/]ink-ready\.ts$/}, () => ({
			contents: "export {yogaReady as inkReady} from 'yoga-layout';",
			resolveDir: process.cwd(),
			loader: 'js',
		}));
	},
};

// The npm package is the résumé for visitors; `serve` is built beside it (dist/serve.js) in a
// clone of the repository, and the bin loads it from there.
export const serveBesideTheBin = {
	name: 'serve-beside-the-bin',
	setup(build) {
		build.onLoad({filter: /[\\/]source[\\/]ssh[\\/]load-serve\.ts$/}, () => ({
			contents: [
				"import {existsSync} from 'node:fs';",
				"import path from 'node:path';",
				"import {pathToFileURL} from 'node:url';",
				'export async function loadServe() {',
				"\tconst file = path.join(__dirname, 'serve.js');",
				"\tconst flags = path.join(__dirname, 'serve-flags.js');",
				'\treturn existsSync(file) && existsSync(flags) ? {flags: () => import(pathToFileURL(flags).href), load: () => import(pathToFileURL(file).href)} : undefined;',
				'}',
			].join('\n'),
			loader: 'js',
		}));
	},
};
