// Loads the command line and the Ink app. The build replaces this module: in the bundle they are a
// compressed script, compiled on the first call, which the bin makes after its first frame
// (scripts/build/README.md).
export async function loadCli(): Promise<typeof import('./run.js')> {
	return import('./run.js');
}
