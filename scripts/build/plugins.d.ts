import type {Plugin} from 'esbuild';

export const lazyBuiltins: string[];
export function lazyBuiltinModule(name: string): string;
export const builtinsOnFirstUse: Plugin;
export const withoutInkDevtools: Plugin;
