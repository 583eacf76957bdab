// Settles once Ink can lay out. Yoga, its layout engine, is WebAssembly and is compiled when it
// loads; imported as here it is ready at once. The bundle the bin evaluates after its first frame
// cannot wait at the top level, so the build has this module wait for Yoga instead
// (scripts/build/README.md), and runLocal awaits it before rendering.
export const inkReady: Promise<void> = Promise.resolve();
