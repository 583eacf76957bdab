// What the build checks of its own output, beyond what esbuild checks of every import.

/** Libraries that must never be in the bin's own code: they load with the Ink app, after the first frame. */
export const inkLibraries = ['ink', 'react', 'react-reconciler', 'scheduler', 'yoga-layout', 'ink-select-input'];

/** The bin's inputs from `inkLibraries`, as "library (file)" strings; empty when the boundary holds. */
export function inkInputsOf(metafile) {
	const pattern = new RegExp(String.raw`(?:^|/)node_modules/(${inkLibraries.join('|')})/`);
	return Object.keys(metafile.inputs)
		.map((input) => [input, pattern.exec(input)?.[1]])
		.filter(([, library]) => library !== undefined)
		.map(([input, library]) => `${library} (${input})`);
}

/** Stops the build when the bin's own code (what runs before the Ink app is decompressed) includes Ink or React. */
export function checkBinWithoutInk(metafile) {
	const found = inkInputsOf(metafile);
	if (found.length > 0) {
		throw new Error(`dist/cli.cjs must paint its first frame without Ink, but its own code includes ${found.slice(0, 5).join(', ')}${found.length > 5 ? ', …' : ''}; import it from the app (source/cli/load-app.ts) instead`);
	}
}
