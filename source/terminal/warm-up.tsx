// Runs the app through a few keys offscreen before it takes the terminal over. V8 compiles the
// render path's hot functions (React's, Ink's output, our layout) after a few calls each; done
// here, that happens before the reader's first keys instead of during them.
import {EventEmitter} from 'node:events';
import {render} from 'ink';
import React from 'react';
import {App} from '../app.js';
import type {Resume} from '../data/schema.js';
import type {Style} from '../document/layout.js';
import type {Size} from '../screen-plan.js';
import {FrameSink} from './run-tui.js';

/** A keyboard Ink can read from: what is pushed is read once. */
class Keys extends EventEmitter {
	readonly isTTY = true;
	private pending: string | null = null;

	push(data: string): void {
		this.pending = data;
		this.emit('readable');
	}

	read(): string | null {
		const data = this.pending;
		this.pending = null;
		return data;
	}

	setRawMode(): this {
		return this;
	}

	setEncoding(): this {
		return this;
	}

	ref(): this {
		return this;
	}

	unref(): this {
		return this;
	}
}

const noop = (): string => '';

/**
 * Moves the menu down and up `count` times in an app that draws nowhere. It stops at the first key
 * that draws nothing within `patienceMs` (a résumé of one section) and never fails: warming up is
 * only ever a gain.
 */
export async function warmUp(resume: Resume, style: Style, size: Size, count = 10, patienceMs = 250): Promise<void> {
	try {
		await run(resume, style, size, count, patienceMs);
	} catch {}
}

async function run(resume: Resume, style: Style, size: Size, count: number, patienceMs: number): Promise<void> {
	let onFrame = (): void => {};
	const sink = new FrameSink(() => size, () => {
		onFrame();
	});
	const keys = new Keys();
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
	const first = frame();
	const instance = render(<App resume={resume} size={size} style={style} onOpenLink={noop} onQuit={() => {}} />, {
		stdout: sink as unknown as NodeJS.WriteStream,
		stderr: sink as unknown as NodeJS.WriteStream,
		stdin: keys as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	try {
		let hasDrawn = await first;
		for (let index = 0; index < count && hasDrawn; index++) {
			const next = frame();
			keys.push(index % 2 === 0 ? '\u001B[B' : '\u001B[A');
			hasDrawn = await next;
		}
	} finally {
		sink.writable = false;
		instance.unmount();
	}
}
