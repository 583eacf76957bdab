// Bundles the CLI and every runtime dependency into one ESM file at the `bin` path.
import {build} from 'esbuild';

await build({
	entryPoints: ['source/cli.tsx'],
	outfile: 'dist/cli.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: true,
	legalComments: 'none',
	jsx: 'automatic',
	// Ink only loads the devtools when DEV=true; keep that optional import out of the bundle.
	external: ['react-devtools-core'],
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {
		// Bundled CommonJS dependencies call require(); give the ESM bundle one.
		js: "#!/usr/bin/env node\nimport {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);",
	},
});
