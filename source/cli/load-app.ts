// Loads the Ink host. The build replaces this module: in the bundle the host is a compressed
// script, compiled on the first call, which the bin makes once its first frame is on screen
// (scripts/build/README.md).
export async function loadApp(): Promise<typeof import('../host/index.js')> {
	return import('../host/index.js');
}
