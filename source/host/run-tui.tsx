// Runs the app on any terminal: the local one or an SSH channel. Ink renders into a frame sink
// (its `debug` mode hands over each whole frame), and the Screen paints it, so drawing is the same
// whether or not CI is set and never depends on Ink's inline renderer.
import {EventEmitter} from 'node:events';
import {render} from 'ink';
import React from 'react';
import {App} from './App.js';
import type {Resume} from '../data/schema.js';
import type {Store} from '../model/store.js';
import {osc52} from '../terminal/links.js';
import type {Size, TerminalPort} from '../terminal/port.js';
import {Screen} from '../terminal/screen.js';
import {Transcript, type FramePainter} from '../terminal/transcript.js';
import type {Style} from '../view/theme.js';
import type {View} from '../view/view.js';

export type {TerminalPort} from '../terminal/port.js';

export type TuiOptions = {
	readonly resume: Resume;
	readonly style: Style;
	readonly initialSection?: number;
	/** The state to carry on from: keys pressed before Ink took over count. */
	readonly store?: Store;
	/** Where the App's views come from when they are shared (see AppProps). */
	readonly viewFor?: (size: Size, style: Style) => View;
	readonly onOpenLink: (url: string) => string;
	/** Copies a link; by default with OSC 52, which the terminal (even over SSH) puts on its clipboard. */
	readonly onCopyLink?: (url: string) => string;
	/** Turns on mouse reporting: wheel scrolling and click to select (off keeps text selection working). */
	readonly hasMouse?: boolean;
	/**
	 * A screen already entered, perhaps already showing this app's frame (painted from the same
	 * view before Ink loaded); frames are drawn as changes to it.
	 */
	readonly screen?: FramePainter;
};

export type TuiSession = {
	/** Settles once the app has stopped and the terminal is restored. */
	readonly done: Promise<void>;
	readonly stop: () => void;
	/**
	 * Unmounts the app and leaves its last frame on the screen: the state stays in the store it was
	 * given, so an app mounted again on that store and screen carries on with no visible change.
	 * `done` then never settles.
	 */
	readonly release: () => void;
};

/** Ink's stdout: reports the terminal's size and passes each frame to the screen. */
export class FrameSink extends EventEmitter {
	readonly isTTY = true;
	/** Cleared on stop: Ink then skips the last frame it would render while unmounting. */
	writable = true;
	constructor(
		private readonly size: () => Size,
		private readonly onFrame: (frame: string) => void,
	) {
		super();
	}

	get columns(): number {
		return this.size().columns;
	}

	get rows(): number {
		return this.size().rows;
	}

	write(frame: string): boolean {
		this.onFrame(frame);
		return true;
	}
}

export function runTui(port: TerminalPort, options: TuiOptions): TuiSession {
	const copyWithOsc52 = (url: string): string => {
		port.write(osc52(url));
		return `Copied ${url}`;
	};

	let isStopped = false;
	let resolveDone: () => void = () => {};
	const done = new Promise<void>((resolve) => {
		resolveDone = resolve;
	});
	// A screen reader gets lines in the scrollback, as Ink's screen-reader output writes them.
	const isScreenReader = options.style.isScreenReader === true;
	const screen = options.screen ?? (isScreenReader ? new Transcript(port.write, port.size) : new Screen(port.write, port.size, options.hasMouse));
	const sink = new FrameSink(port.size, (frame) => {
		if (!isStopped) {
			screen.paint(frame);
		}
	});
	/** False when it had already stopped. */
	const unmount = (): boolean => {
		if (isStopped) {
			return false;
		}

		isStopped = true;
		sink.writable = false;
		unsubscribe();
		instance.unmount();
		return true;
	};

	const stop = (): void => {
		if (unmount()) {
			screen.leave();
			resolveDone();
		}
	};

	const tree = (): React.JSX.Element => (
		<App
			resume={options.resume}
			size={port.size()}
			style={options.style}
			initialSection={options.initialSection}
			store={options.store}
			viewFor={options.viewFor}
			onOpenLink={options.onOpenLink}
			onCopyLink={options.onCopyLink ?? copyWithOsc52}
			onQuit={stop}
		/>
	);

	if (!options.screen) {
		screen.enter();
	}

	const instance = render(tree(), {
		stdout: sink as unknown as NodeJS.WriteStream,
		stderr: sink as unknown as NodeJS.WriteStream,
		stdin: port.stdin,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
		// Said here, never read from this process's INK_SCREEN_READER: an SSH session decides its own.
		isScreenReaderEnabled: isScreenReader,
	});
	const unsubscribe = port.onResize(() => {
		if (!isStopped) {
			screen.invalidate();
			instance.rerender(tree());
		}
	});
	return {
		done,
		stop,
		release() {
			unmount();
		},
	};
}
