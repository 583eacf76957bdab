// Bundles the CLI and every runtime dependency into one ESM file at the `bin` path.
import {build} from 'esbuild';

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
	plugins: [withoutInkDevtools],
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {
		// Bundled CommonJS dependencies call require(); give the ESM bundle one.
		js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);",
	},
});
