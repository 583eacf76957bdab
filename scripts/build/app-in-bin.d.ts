import type * as esbuild from 'esbuild';

export function fromTheBin(binInputs: ReadonlySet<string>, build: typeof esbuild): Promise<{plugin: esbuild.Plugin; used: Map<string, string>}>;
