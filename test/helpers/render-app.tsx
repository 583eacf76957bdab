// Renders the App with ink-testing-library at a given size and waits for frames, not the clock.
import {render} from 'ink-testing-library';
import React from 'react';
import stripAnsi from 'strip-ansi';
import {App} from '../../source/host/App.js';
import {loadResumeFile} from '../../source/data/load.js';
import type {Resume} from '../../source/data/schema.js';
import {createTheme, type Style} from '../../source/view/theme.js';
import type {Size} from '../../source/terminal/port.js';

export const plainStyle: Style = {theme: createTheme('mono', 0), hasHyperlinks: false};

export function ownResume(): Resume {
	const loaded = loadResumeFile(new URL('../../data/resume.json', import.meta.url).pathname);
	if (!loaded.ok) {
		throw new Error(loaded.error);
	}

	return loaded.resume;
}

export type AppHarness = {
	/** The last frame, without escape codes, trailing spaces trimmed per line. */
	readonly frame: () => string;
	readonly rawFrame: () => string;
	/** Writes input (one read, like a burst of keys) and resolves with the next frame. */
	readonly press: (input: string) => Promise<string>;
	/** Writes input and resolves with a frame even if the input changed nothing. */
	readonly send: (input: string) => Promise<string>;
	readonly resize: (size: Size) => Promise<string>;
	readonly opened: string[];
	readonly quits: () => number;
	readonly unmount: () => void;
};

export const keys = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	ctrlC: '\u0003',
	ctrlD: '\u0004',
	ctrlU: '\u0015',
} as const;

const clean = (frame: string): string =>
	stripAnsi(frame)
		.split('\n')
		.map((line) => line.trimEnd())
		.join('\n')
		.trimEnd();

export async function renderApp(options: {
	readonly size: Size;
	readonly resume?: Resume;
	readonly style?: Style;
	readonly initialSection?: number;
}): Promise<AppHarness> {
	const opened: string[] = [];
	let quitCount = 0;
	let size = options.size;
	let waiters: Array<() => void> = [];
	const tree = (): React.JSX.Element => (
		<App
			resume={options.resume ?? ownResume()}
			size={size}
			style={options.style ?? plainStyle}
			initialSection={options.initialSection}
			onOpenLink={(url) => {
				opened.push(url);
				return `Opening ${url}`;
			}}
			onCopyLink={(url) => `Copied ${url}`}
			onQuit={() => {
				quitCount++;
			}}
		/>
	);
	const instance = render(tree());
	const {stdout} = instance;
	const write = stdout.write.bind(stdout);
	stdout.write = (frame: string) => {
		write(frame);
		const pending = waiters;
		waiters = [];
		for (const wake of pending) {
			wake();
		}
	};

	const nextFrame = async (action: () => void): Promise<string> => {
		const frame = new Promise<void>((resolve) => {
			waiters.push(resolve);
		});
		action();
		await frame;
		return clean(instance.lastFrame() ?? '');
	};

	return {
		frame: () => clean(instance.lastFrame() ?? ''),
		rawFrame: () => instance.lastFrame() ?? '',
		press: async (input) => nextFrame(() => instance.stdin.write(input)),
		send: async (input) =>
			nextFrame(() => {
				instance.stdin.write(input);
				instance.rerender(tree());
			}),
		resize: async (next) =>
			nextFrame(() => {
				size = next;
				instance.rerender(tree());
			}),
		opened,
		quits: () => quitCount,
		unmount: () => {
			instance.unmount();
		},
	};
}
