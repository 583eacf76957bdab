// The one set of esbuild options: the builds of dist/ and every test or benchmark that bundles a
// driver "like the app" take them from here, so the patches they test are the ones that ship.
import {build} from 'esbuild';
import {inkFrameCache} from './ink-frame-cache.js';
import {
	chalkSharesAnsiStyles,
	computedAtBuild,
	meowWithoutPackageReading,
	processIsGlobal,
	selectInputWithoutFigures,
	textMeasuredOnDemand,
	withoutInkDevtools,
	yogaWasmWithoutFetch,
} from './plugins.js';

export const common = {
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

/** The patches every bundle of ours gets (the bin, the app, serve). */
export const sharedPlugins = [withoutInkDevtools, yogaWasmWithoutFetch, meowWithoutPackageReading, computedAtBuild, textMeasuredOnDemand, chalkSharesAnsiStyles, selectInputWithoutFigures];

/**
 * Runs one esbuild build and stops on any warning as on an error: a warning here means an import
 * that will be undefined at run time, or a patch that no longer fits.
 */
export async function bundle(options) {
	const result = await build(options);
	if (result.warnings.length > 0) {
		throw new Error(`esbuild warned, which the build treats as an error:\n${result.warnings.map((warning) => `${warning.location?.file ?? ''}:${warning.location?.line ?? ''}: ${warning.text}`).join('\n')}`);
	}

	return result;
}

// An ES module (so that Yoga may wait at the top level, which the app's CommonJS script cannot),
// with `require` for the CommonJS dependencies inside it.
const esmRequire = "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);";

/**
 * Options for a test or benchmark driver bundled as the Ink app is: the same options and patches,
 * including Ink's frame cache unless `frameCache` is false or another instance of it. What differs
 * is what only a script inside the bin has: ESM instead of CommonJS, and no modules handed over.
 */
export function likeTheApp({frameCache = inkFrameCache(), plugins = []} = {}) {
	return {
		...common,
		format: 'esm',
		metafile: false,
		plugins: [processIsGlobal, ...sharedPlugins, ...(frameCache ? [frameCache] : []), ...plugins],
		banner: {js: esmRequire},
	};
}
