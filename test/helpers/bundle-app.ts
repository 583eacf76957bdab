// A test driver bundled as the app is: the build's own options and patches (scripts/build/options.js),
// as one ESM file.
import {build, type Plugin} from 'esbuild';
import {likeTheApp} from '../../scripts/build/options.js';

/**
 * Bundles `entry` to `outfile` and returns `outfile`. `frameCache` is Ink's frame cache as the
 * app has it unless given another instance of the plugin, or false for Ink as published.
 */
export async function bundleLikeTheApp(entry: string, outfile: string, {frameCache, plugins = []}: {readonly frameCache?: Plugin | false; readonly plugins?: Plugin[]} = {}): Promise<string> {
	await build({...likeTheApp({...(frameCache === undefined ? {} : {frameCache}), plugins}), entryPoints: [entry], outfile});
	return outfile;
}
