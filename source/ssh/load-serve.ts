// Finds `balakumaran serve`. The npm package is the résumé for visitors and leaves the SSH server
// (ssh2, half the package) out, and its flags with it: the build replaces this module with one
// that looks for the server's two bundles beside the bin, which a build in a clone of the
// repository has (scripts/build/README.md). `flags` loads only the flag parser (no Ink, no ssh2);
// `load` loads the server, after the flags have been checked.
export type Serve = {
	readonly flags: () => Promise<typeof import('./flags.js')>;
	readonly load: () => Promise<typeof import('./cli.js')>;
};

export async function loadServe(): Promise<Serve | undefined> {
	return {flags: async () => import('./flags.js'), load: async () => import('./cli.js')};
}
