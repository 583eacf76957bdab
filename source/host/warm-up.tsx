// Runs the app through a few keys offscreen before it takes the terminal over. V8 compiles the
// render path's hot functions (React's, Ink's output, our layout) after a few calls each; done
// here, that happens before the reader's first keys instead of during them.
import {render} from 'ink';
import React from 'react';
import {App} from './App.js';
import type {Resume} from '../data/schema.js';
// The SSH server's stand-in for a TTY: keys pushed in, read by Ink.
import {ChannelInput} from '../terminal/channel-input.js';
import {FrameSink} from './run-tui.js';
import type {Style} from '../view/theme.js';
import type {Size} from '../terminal/port.js';

const noop = (): string => '';

export type WarmUpOptions = {
	/** Keys to press (default 10). */
	readonly count?: number;
	/** How long a key may take to draw before warming up stops (default 250 ms). */
	readonly patienceMs?: number;
	/** Awaited before the mount and before each key: the bin answers the reader's keys meanwhile. */
	readonly pause?: () => Promise<void>;
};

/**
 * Moves the menu down and up `count` times in an app that draws nowhere. It stops at the first key
 * that draws nothing within `patienceMs` (a résumé of one section) and never fails: warming up is
 * only ever a gain.
 */
export async function warmUp(resume: Resume, style: Style, size: Size, {count = 10, patienceMs = 250, pause = async () => undefined}: WarmUpOptions = {}): Promise<void> {
	try {
		await run(resume, style, size, count, patienceMs, pause);
	} catch {}
}

async function run(resume: Resume, style: Style, size: Size, count: number, patienceMs: number, pause: () => Promise<void>): Promise<void> {
	let onFrame = (): void => {};
	const sink = new FrameSink(() => size, () => {
		onFrame();
	});
	const keys = new ChannelInput();
	/** Resolves true with the next frame, false if none comes in time. */
	const frame = async (): Promise<boolean> =>
		new Promise((resolve) => {
			const timer = setTimeout(() => {
				resolve(false);
			}, patienceMs);
			onFrame = () => {
				clearTimeout(timer);
				resolve(true);
			};
		});
	await pause();
	const first = frame();
	const instance = render(<App resume={resume} size={size} style={style} onOpenLink={noop} onQuit={() => {}} />, {
		stdout: sink as unknown as NodeJS.WriteStream,
		stderr: sink as unknown as NodeJS.WriteStream,
		stdin: keys.asReadStream(),
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	try {
		let hasDrawn = await first;
		for (let index = 0; index < count && hasDrawn; index++) {
			await pause();
			const next = frame();
			keys.push(Buffer.from(index % 2 === 0 ? '\u001B[B' : '\u001B[A'));
			hasDrawn = await next;
		}
	} finally {
		sink.writable = false;
		instance.unmount();
	}
}
