// Bundles the CLI and every runtime dependency into one ESM file at the `bin` path.
// `node scripts/build.js --analyze` also prints what each input weighs in the bundle.
import {readFile} from 'node:fs/promises';
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
function replaceOnce(text, search, replacement, file) {
	const at = text.indexOf(search);
	if (at === -1 || text.includes(search, at + 1)) {
		throw new Error(`${file}: expected exactly one '${search.slice(0, 60)}'; has yoga-layout's loader changed?`);
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
			);
			return {contents: source, loader: 'js'};
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
	plugins: [withoutInkDevtools, withoutNativeAddons, yogaWasmWithoutFetch],
	// React, react-reconciler and scheduler pick their production builds from this.
	define: {'process.env.NODE_ENV': '"production"'},
	metafile: isAnalyzing,
	banner: {
		// Bundled CommonJS dependencies call require() and read __dirname (ssh2); give the ESM bundle both.
		js: [
			"import {createRequire as __cr} from 'node:module';",
			"import {dirname as __dn} from 'node:path';",
			"import {fileURLToPath as __fu} from 'node:url';",
			'const require=__cr(import.meta.url),__filename=__fu(import.meta.url),__dirname=__dn(__filename);',
		].join(''),
	},
});

if (isAnalyzing) {
	console.log(await analyzeMetafile(result.metafile));
}
