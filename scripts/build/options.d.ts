import type {BuildOptions, BuildResult, Plugin} from 'esbuild';

export const common: BuildOptions;
export const sharedPlugins: Plugin[];
export function bundle(options: BuildOptions): Promise<BuildResult>;
export function likeTheApp(options?: {readonly frameCache?: Plugin | false; readonly plugins?: Plugin[]}): BuildOptions;
