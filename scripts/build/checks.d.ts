import type {Metafile} from 'esbuild';

export const inkLibraries: string[];
export function inkInputsOf(metafile: Metafile): string[];
export function checkBinWithoutInk(metafile: Metafile): void;
