// `balakumaran serve`: not built yet.
export async function serveCommand(_argv: readonly string[]): Promise<number> {
	process.stderr.write('balakumaran: serve is not available in this build\n');
	return 2;
}
