#!/usr/bin/env node
// The bin. A bare `balakumaran` on a terminal goes straight to the TUI (tui.ts), which paints the
// view and answers keys before the Ink app has even been compiled; anything else goes to the
// command line (run.ts): flags, printed output, `serve`. Neither loads Ink to print.
import process from 'node:process';
import {bundledResume} from '../data/bundled.js';
import {colorLevel, detectColorLevel} from '../terminal/color.js';
import {localTerminal} from '../terminal/local-port.js';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	process.exit(error.code === 'EPIPE' ? 0 : 1);
});

function fail(error: unknown): never {
	process.stderr.write(`balakumaran: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
}

const argv = process.argv.slice(2);
// A screen reader (Ink's INK_SCREEN_READER=true) goes through the command line, which writes it lines.
const isFullScreen = process.stdout.isTTY && process.env['TERM'] !== 'dumb' && process.env['INK_SCREEN_READER'] !== 'true';
const port = argv.length === 0 && isFullScreen ? localTerminal() : undefined;
if (port) {
	const loaded = bundledResume();
	if (!loaded.ok) {
		fail(loaded.error);
	}

	const level = colorLevel({env: process.env, isColorFlagOff: false, detected: detectColorLevel(process.env, true)});
	// Each path evaluates only its own modules (they are bundled, so this is no extra file).
	import('./tui.js')
		.then(async ({startTui}) => startTui(port, {resume: loaded.resume, level, hasMouse: false}))
		.catch(fail);
} else {
	// Loaded only here: meow and the printers are evaluated when asked for.
	import('./run.js')
		.then(async ({run}) => run(argv))
		.catch(fail);
}
