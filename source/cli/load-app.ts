// Loads the Ink host. The build replaces this module: in the bundle the host is a compressed
// script, read and decompressed off the main thread, then compiled and run, `pause` awaited
// before each of those two steps so the bin can answer keys between them (scripts/build/README.md).
export async function loadApp(pause: () => Promise<void> = async () => undefined): Promise<typeof import('../host/index.js')> {
	await pause();
	return import('../host/index.js');
}
