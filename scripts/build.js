// Bundles the CLI and every runtime dependency into one file at the `bin` path (dist/cli.cjs), the
// SSH and web server into dist/serve.js, and the web page's files into dist/web/. `node scripts/build.js --analyze` prints what each input weighs.
import {appendFile} from 'node:fs/promises';
import {brotliCompressSync, constants as zlib} from 'node:zlib';
import * as esbuild from 'esbuild';
import {appComment, appLoader, fromTheBin, withoutApp} from './build/app-in-bin.js';
import {checkBinWithoutInk} from './build/checks.js';
import {inkFrameCache} from './build/ink-frame-cache.js';
import {bundle, common, sharedPlugins as shared} from './build/options.js';
import {builtinsOnFirstUse, processIsGlobal, serveBesideTheBin, ssh2ServerOnly, withoutNativeAddons, yogaWithoutTopLevelAwait} from './build/plugins.js';
import {buildWebPage} from './build/web-page.js';

// The bin's own modules, from a build of it without the app: the app takes them from the bin.
const binEntry = {
	...common,
	entryPoints: ['source/cli/bin.ts'],
	format: 'cjs',
	write: false,
	// meow and open read import.meta.url (meow to find a package.json it is given, open for its own folder).
	define: {...common.define, 'import.meta': '__importMeta'},
	banner: {js: 'var __importMeta = {url: require("node:url").pathToFileURL(__filename).href};'},
};
// The bin draws search matches with ansi-tokenize, which Ink's frame cache patches: the bin has the
// patched copy and hands it to the app, which patches Ink's own files.
const binFrameCache = () => inkFrameCache({packages: ['@alcalzone/ansi-tokenize']});
const probe = await bundle({...binEntry, plugins: [processIsGlobal, ...shared, binFrameCache(), builtinsOnFirstUse, serveBesideTheBin, withoutApp]});
checkBinWithoutInk(probe.metafile);
const sharing = await fromTheBin(new Set(Object.keys(probe.metafile.inputs)), esbuild);

// 1. The Ink host and app (host/index.ts), as one CommonJS script the bin compiles after
// its first frame. It ships Brotli-compressed: the tarball is ~15% smaller than gzip alone makes
// it, and decoding takes ~3 ms.
const app = await bundle({
	...common,
	entryPoints: ['source/host/index.ts'],
	write: false,
	format: 'cjs',
	plugins: [processIsGlobal, ...shared, inkFrameCache({packages: ['ink']}), yogaWithoutTopLevelAwait, sharing.plugin],
	// A script compiled by the bin has no import() of its own: any left become require() calls.
	supported: {...common.supported, 'dynamic-import': false},
});
const appCode = app.outputFiles[0].contents;
const packed = brotliCompressSync(appCode, {
	params: {[zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_LGWIN]: 24, [zlib.BROTLI_PARAM_SIZE_HINT]: appCode.length},
}).toString('base64');

// 2. The bin: the home screen without React or Ink, and the loader of the script above.
const bin = await bundle({
	...binEntry,
	outfile: 'dist/cli.cjs',
	write: true,
	plugins: [processIsGlobal, ...shared, binFrameCache(), builtinsOnFirstUse, serveBesideTheBin, appLoader(sharing.used)],
});
checkBinWithoutInk(bin.metafile);
await appendFile('dist/cli.cjs', appComment(packed));

// 3. `balakumaran serve`, for a clone of the repository (not in the npm package: see load-serve.ts).
const serve = await bundle({
	...common,
	entryPoints: ['source/ssh/cli.ts'],
	outfile: 'dist/serve.js',
	format: 'esm',
	plugins: [...shared, inkFrameCache(), withoutNativeAddons, ssh2ServerOnly],
	banner: {
		js: [
			// Bundled CommonJS dependencies call require() and read __dirname (ssh2); give the ESM bundle both.
			"import {createRequire as __cr} from 'node:module';",
			"import {dirname as __dn} from 'node:path';",
			"import {fileURLToPath as __fu} from 'node:url';",
			'const require=__cr(import.meta.url),__filename=__fu(import.meta.url),__dirname=__dn(__filename);',
		].join(''),
	},
});

// 3b. Its flags alone, which the bin parses (and answers --help and errors for) without the server.
const serveFlags = await bundle({
	...common,
	entryPoints: ['source/ssh/flags.ts'],
	outfile: 'dist/serve-flags.js',
	format: 'esm',
	plugins: [...shared],
});

// 4. The page `serve --web-port` serves: its script and stylesheet, and the favicon (dist/web/).
const page = await buildWebPage();

if (process.argv.includes('--analyze')) {
	for (const [name, result] of [['app (compressed into dist/cli.cjs)', app], ['dist/cli.cjs', bin], ['dist/serve.js', serve], ['dist/serve-flags.js', serveFlags], ['dist/web/', page]]) {
		console.log(`\n${name}`, await esbuild.analyzeMetafile(result.metafile));
	}

	console.log(`app: ${appCode.length} B, ${packed.length} B as Brotli in base64`);
}
