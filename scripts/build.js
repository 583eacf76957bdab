// Bundles the CLI and every runtime dependency into one ESM file at the `bin` path.
// `node scripts/build.js --analyze` also prints what each input weighs in the bundle.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {brotliCompressSync, constants as zlib} from 'node:zlib';
import {analyzeMetafile, build} from 'esbuild';

// Ink loads React devtools only when DEV=true; they are a development tool, not part of the résumé.
const withoutInkDevtools = {
	name: 'without-ink-devtools',
	setup(build) {
		build.onResolve({filter: /^\.\/devtools\.js$/}, (args) =>
			args.importer.includes('/ink/') ? {path: 'ink-devtools', namespace: 'empty'} : undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'empty'}, () => ({contents: 'export {};'}));
	},
};

// ssh2 tries its native crypto binding and the optional `cpu-features` addon inside try/catch and
// falls back to pure JavaScript; a single-file package cannot carry .node files, so both throw.
const withoutNativeAddons = {
	name: 'without-native-addons',
	setup(build) {
		build.onResolve({filter: /\.node$|^cpu-features$/}, (args) => ({path: args.path, namespace: 'native-addon'}));
		build.onLoad({filter: /.*/, namespace: 'native-addon'}, (args) => ({
			contents: `throw new Error(${JSON.stringify(`${args.path} is not bundled`)});`,
			loader: 'js',
		}));
	},
};

/** Replaces `search` (a string, found exactly once) in `text`, or stops the build. */
function replaceOnce(text, search, replacement, file, library = 'yoga-layout') {
	const at = text.indexOf(search);
	if (at === -1 || text.includes(search, at + 1)) {
		throw new Error(`${file}: expected exactly one '${search.slice(0, 60)}'; has ${library} changed?`);
	}

	return text.slice(0, at) + replacement + text.slice(at + search.length);
}

// yoga-layout's Emscripten loader embeds its WASM as a base64 `data:` URL and fetch()es it, which
// makes Node load undici (~40–65 ms) before the first frame. Handing the loader the bytes as
// `wasmBinary` skips the fetch. The bytes ship Brotli-compressed: base64 of raw WASM barely
// gzips, so this takes ~14 KB off the tarball for under a millisecond of decoding.
const yogaWasmWithoutFetch = {
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
				args.path,
				"yoga-layout's loader",
			);
			return {contents: source, loader: 'js'};
		});
	},
};

// `serve` runs an SSH server and nothing else of ssh2: it never acts as a client or an agent, and
// session.ts refuses sftp and every subsystem. The package index requires the client, the agents
// and SFTP (~95 KB); `ssh2` resolves here to the three modules the server code uses. Anything
// else read from it fails loudly rather than being undefined.
const ssh2ServerOnly = {
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
				'\tthrow new Error(`ssh2.${String(name)} is not bundled (see ssh2ServerOnly in scripts/build.js)`);',
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
			contents: "exports.SFTP = class SFTP { constructor() { throw new Error('SFTP is not bundled (see scripts/build.js)'); } };",
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
// unless given `pkg`, and normalizes `pkg` only when `cli.pkg` is read. cli.tsx passes `pkg` and
// never reads `cli.pkg`, so neither can run: options.js gets stubs that throw if that changes, and
// the two calls that build those libraries at load are marked pure, so esbuild drops them unused.
const meowWithoutPackageReading = {
	name: 'meow-without-package-reading',
	setup(build) {
		const patches = {
			'options.js': [
				[
					"import { a as readPackageUpSync, n as normalizePackageData } from './dependencies.js';",
					'const readPackageUpSync = () => { throw new Error("meow: pass `pkg` (read-package-up is not bundled, see scripts/build.js)"); };\n' +
						'const normalizePackageData = () => { throw new Error("meow: `cli.pkg` is not available (normalize-package-data is not bundled, see scripts/build.js)"); };',
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
				source = replaceOnce(source, search, replacement, args.path, 'meow');
			}

			return {contents: source, loader: 'js'};
		});
	},
};

// source/data/bundled.ts validates the résumé shipped in the package on every start, which means
// building the zod schema and parsing (~40 ms and ~5 MB before the first frame). The file cannot
// change after the build, so the build runs that module once and bundles its result instead; an
// invalid résumé stops the build with the loader's own message. A --resume file is still
// validated at run time (cli.tsx loads data/load.js for it).
const bundledResumeValidatedAtBuild = {
	name: 'bundled-resume-validated-at-build',
	setup(build) {
		build.onLoad({filter: /[\\/]source[\\/]data[\\/]bundled\.ts$/}, async (args) => {
			const validator = await build.esbuild.build({
				entryPoints: [args.path],
				bundle: true,
				write: false,
				platform: 'node',
				format: 'esm',
				target: 'node20',
				logLevel: 'silent',
			});
			const code = validator.outputFiles[0]?.text ?? '';
			const {bundledResume} = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
			const loaded = bundledResume();
			if (!loaded.ok) {
				throw new Error(loaded.error);
			}

			// A fresh object per call, as the loader returns (JSON is a JavaScript expression).
			return {
				contents: `export function bundledResume() { return {ok: true, resume: ${JSON.stringify(loaded.resume)}}; }`,
				loader: 'js',
			};
		});
	},
};

const isAnalyzing = process.argv.includes('--analyze');
const result = await build({
	entryPoints: ['source/cli.tsx'],
	outfile: 'dist/cli.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	jsx: 'automatic',
	plugins: [withoutInkDevtools, withoutNativeAddons, yogaWasmWithoutFetch, ssh2ServerOnly, meowWithoutPackageReading, bundledResumeValidatedAtBuild],
	// React, react-reconciler and scheduler pick their production builds from this.
	define: {'process.env.NODE_ENV': '"production"'},
	metafile: isAnalyzing,
	banner: {
		js: [
			// Bundled CommonJS dependencies call require() and read __dirname (ssh2); give the ESM bundle both.
			"import {createRequire as __cr} from 'node:module';",
			"import {dirname as __dn} from 'node:path';",
			"import {fileURLToPath as __fu} from 'node:url';",
			'const require=__cr(import.meta.url),__filename=__fu(import.meta.url),__dirname=__dn(__filename);',
			// string-width's /^\p{RGI_Emoji}$/v is thousands of alternatives. V8 first compiles a
			// regular expression to bytecode and then again to machine code, which for this one costs
			// ~45 ms before the first frame; straight to machine code it is ~10 ms, and no slower
			// after. The flag only changes when V8 compiles, never what a pattern matches. Checked on
			// Node.js 20, 22 and 24 (V8 11-13); an unknown flag would print an error, so a later V8 is
			// left alone until checked.
			"import {setFlagsFromString as __sf} from 'node:v8';",
			"if(Number(process.versions.v8.split('.')[0])<14)__sf('--no-regexp-tier-up');",
		].join(''),
	},
});

if (isAnalyzing) {
	console.log(await analyzeMetafile(result.metafile));
}
