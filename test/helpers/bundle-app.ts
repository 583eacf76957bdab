// A test driver bundled as the app is: one ESM file, React's production build, Ink without its
// devtools (loaded only when DEV=true), plus any plugins under test.
import {build, type Plugin} from 'esbuild';

const withoutInkDevtools: Plugin = {
	name: 'without-ink-devtools',
	setup(build) {
		build.onResolve({filter: /^\.\/devtools\.js$/}, (args) => (args.importer.includes('/ink/') ? {path: 'ink-devtools', namespace: 'empty'} : undefined));
		build.onLoad({filter: /.*/, namespace: 'empty'}, () => ({contents: 'export {};'}));
	},
};

/** Bundles `entry` to `outfile` and returns `outfile`. */
export async function bundleLikeTheApp(entry: string, outfile: string, plugins: Plugin[] = []): Promise<string> {
	await build({
		entryPoints: [entry],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		jsx: 'automatic',
		logLevel: 'error',
		define: {'process.env.NODE_ENV': '"production"'},
		plugins: [withoutInkDevtools, ...plugins],
		banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
	});
	return outfile;
}
