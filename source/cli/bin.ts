#!/usr/bin/env node
// The bin. A bare `balakumaran` on a terminal paints the home screen straight from the document
// model (home-screen.ts) and only then compiles the Ink app, which takes over the same screen
// with the same picture: the résumé shows as soon as a plain script could print it. Flags,
// printed output and `serve` go to the command line in cli.tsx.
import process from 'node:process';
import {loadCli} from './load-app.js';
import {bundledResume} from '../data/bundled.js';
import {initialUi} from '../model/controller.js';
import {initialNavState} from '../model/navigation.js';
import {frame} from '../view/frame.js';
import {createView} from '../view/view.js';
import {colorLevel, detectColorLevel} from '../terminal/color.js';
import {askBackground, localStyleOf, localTerminal} from '../terminal/local-port.js';
import type {Size, TerminalPort} from '../terminal/port.js';
import type {Style} from '../view/theme.js';
import {Screen} from '../terminal/screen.js';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	process.exit(error.code === 'EPIPE' ? 0 : 1);
});

function fail(error: unknown): never {
	process.stderr.write(`balakumaran: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
}

async function startTui(port: TerminalPort): Promise<void> {
	const loaded = bundledResume();
	if (!loaded.ok) {
		fail(loaded.error);
	}

	const {resume} = loaded;
	// Keys typed before the app is ready wait in stdin, unechoed, and are handled in order.
	port.stdin.setRawMode?.(true);
	const level = colorLevel({env: process.env, isColorFlagOff: false, detected: detectColorLevel(process.env, true)});
	// The terminal answers while the home screen is laid out for a dark background, the usual one;
	// a light one costs a second layout, much quicker than the first.
	const background = askBackground(port, level);
	const dark = localStyleOf('dark', level);
	const homeScreen = (size: Size, style: Style): string => frame(createView(resume, size, style), initialUi(initialNavState));
	const darkFrame = homeScreen(port.size(), dark);
	const theme = (await background) ?? 'dark';
	const style = theme === 'dark' ? dark : localStyleOf(theme, level);
	const screen = new Screen(port.write, port.size);
	const paint = (): void => {
		screen.paint(homeScreen(port.size(), style));
	};

	screen.enter();
	screen.paint(theme === 'dark' ? darkFrame : homeScreen(port.size(), style));

	// Until the app takes over, a resize repaints, and a signal or an error hands the terminal back.
	const unsubscribe = port.onResize(() => {
		screen.invalidate();
		paint();
	});
	const restore = (): void => {
		screen.leave();
		port.stdin.setRawMode?.(false);
	};

	const signals = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;
	const handlers = Object.entries(signals).map(([signal, code]) => {
		const handler = (): void => {
			restore();
			process.exit(code);
		};

		process.once(signal, handler);
		return [signal, handler] as const;
	});
	const onError = (error: unknown): void => {
		restore();
		fail(error);
	};

	process.once('uncaughtException', onError);
	process.once('unhandledRejection', onError);

	let cli: Awaited<ReturnType<typeof loadCli>>;
	try {
		cli = await loadCli();
		// Ink's layout engine compiles in the background; runLocal takes the terminal over without waiting.
		await cli.inkReady;
	} catch (error) {
		restore();
		fail(error);
	} finally {
		unsubscribe();
		for (const [signal, handler] of handlers) {
			process.off(signal, handler);
		}

		process.off('uncaughtException', onError);
		process.off('unhandledRejection', onError);
	}

	await cli.runLocal(port, {resume, style, hasMouse: false, screen});
}

const argv = process.argv.slice(2);
// A screen reader (Ink's INK_SCREEN_READER=true) is not given the full-screen first frame: the app writes its lines.
const isFullScreen = process.stdout.isTTY && process.env['TERM'] !== 'dumb' && process.env['INK_SCREEN_READER'] !== 'true';
const port = argv.length === 0 && isFullScreen ? localTerminal() : undefined;
(port ? startTui(port) : loadCli().then(async (cli) => cli.run(argv))).catch(fail);
