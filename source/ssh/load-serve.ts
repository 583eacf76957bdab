// Finds `balakumaran serve`. The npm package is the résumé for visitors and leaves the SSH server
// (ssh2, half the package) out: the build replaces this module with one that looks for the server
// bundle beside the bin, which a build in a clone of the repository has (scripts/build/README.md).
// What it returns loads the server only when called, after the flags have been checked.
export async function loadServe(): Promise<{readonly load: () => Promise<typeof import('./cli.js')>} | undefined> {
	return {load: async () => import('./cli.js')};
}
