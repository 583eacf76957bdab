// Bundles the CLI and every runtime dependency into one file at the `bin` path (dist/cli.cjs), the
// SSH and web server into dist/serve.js, and the web page's files into dist/web/. `node scripts/build.js --analyze` prints what each input weighs.
import {appendFile} from 'node:fs/promises';
import {brotliCompressSync, constants as zlib} from 'node:zlib';
import {analyzeMetafile, build} from 'esbuild';
import {appComment, appLoader, fromTheBin, withoutApp} from './build/app-in-bin.js';
import {
	builtinsOnFirstUse,
	chalkSharesAnsiStyles,
	computedAtBuild,
	meowWithoutPackageReading,
	processIsGlobal,
	selectInputWithoutFigures,
	serveBesideTheBin,
	ssh2ServerOnly,
	textMeasuredOnDemand,
	withoutInkDevtools,
	withoutNativeAddons,
	yogaWasmWithoutFetch,
	yogaWithoutTopLevelAwait,
} from './build/plugins.js';
import {buildWebPage} from './build/web-page.js';
import {inkFrameCache} from './ink-frame-cache.js';

const common = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	jsx: 'automatic',
	// React, react-reconciler and scheduler pick their production builds from this.
	define: {'process.env.NODE_ENV': '"production"'},
	metafile: true,
	logLevel: 'warning',
	// Node.js 20 has RegExp's v flag (V8 11.3). Left to esbuild, /…/v literals become new RegExp()
	// calls, which compile string-width's emoji pattern when the module loads (~17 ms before the
	// first frame) instead of on its first use.
	supported: {'regexp-set-notation': true},
};
const shared = [withoutInkDevtools, yogaWasmWithoutFetch, meowWithoutPackageReading, computedAtBuild, textMeasuredOnDemand, chalkSharesAnsiStyles, selectInputWithoutFigures];

// The bin's own modules, from a build of it without the app: the app takes them from the bin.
const binEntry = {...common, entryPoints: ['source/start.ts'], format: 'cjs', write: false};
const probe = await build({...binEntry, plugins: [processIsGlobal, ...shared, builtinsOnFirstUse, withoutApp]});
const sharing = await fromTheBin(new Set(Object.keys(probe.metafile.inputs)));

// 1. The command line and the Ink app (cli.tsx), as one CommonJS script the bin compiles after
// its first frame. It ships Brotli-compressed: the tarball is ~15% smaller than gzip alone makes
// it, and decoding takes ~3 ms.
const app = await build({
	...common,
	entryPoints: ['source/cli.tsx'],
	write: false,
	format: 'cjs',
	plugins: [processIsGlobal, ...shared, inkFrameCache(), yogaWithoutTopLevelAwait, serveBesideTheBin, sharing.plugin],
	// A script compiled by the bin has no import() of its own: any left become require() calls.
	supported: {...common.supported, 'dynamic-import': false},
	// meow wants import.meta (it only reads its URL when asked to find package.json, which it never is).
	define: {...common.define, 'import.meta': '__importMeta'},
	banner: {js: 'var __importMeta = {url: require("node:url").pathToFileURL(__filename).href};'},
});
const appCode = app.outputFiles[0].contents;
const packed = brotliCompressSync(appCode, {
	params: {[zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_LGWIN]: 24, [zlib.BROTLI_PARAM_SIZE_HINT]: appCode.length},
}).toString('base64');

// 2. The bin: the home screen without React or Ink, and the loader of the script above.
const bin = await build({
	...binEntry,
	outfile: 'dist/cli.cjs',
	write: true,
	plugins: [processIsGlobal, ...shared, builtinsOnFirstUse, appLoader(sharing.used)],
});
await appendFile('dist/cli.cjs', appComment(packed));

// 3. `balakumaran serve`, for a clone of the repository (not in the npm package: see load-serve.ts).
const serve = await build({
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

// 4. The page `serve --web-port` serves: its script and stylesheet, and the favicon (dist/web/).
const page = await buildWebPage();

if (process.argv.includes('--analyze')) {
	for (const [name, result] of [['app (compressed into dist/cli.cjs)', app], ['dist/cli.cjs', bin], ['dist/serve.js', serve], ['dist/web/', page]]) {
		console.log(`\n${name}`, await analyzeMetafile(result.metafile));
	}

	console.log(`app: ${appCode.length} B, ${packed.length} B as Brotli in base64`);
}
