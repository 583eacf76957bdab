// Types for node-matrix.mjs, for the package test.

export declare const matrixCache: string;
/** The path of a `node` binary of this major version, downloaded once per machine if needed. */
export declare function nodeBinary(major: number): string;
