// The fuzzer's engine: seeded random key sequences against the App, rendered in-process by
// ink-testing-library, every frame checked to fit. test/host/fuzz.test.tsx bundles this file like
// dist/cli.cjs (React's production build) and runs it in worker threads, one per core.
import {parentPort, workerData} from 'node:worker_threads';
import {render} from 'ink-testing-library';
import React from 'react';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import resumeDocument from '../../data/resume.json' with {type: 'json'};
import {App} from '../../source/host/App.js';
import {parseResume} from '../../source/data/load.js';
import {createTheme, type Style} from '../../source/view/theme.js';
import type {Size} from '../../source/terminal/port.js';

/** mulberry32: a small, fast, seedable PRNG. */
function mulberry32(state: number): () => number {
	let a = state >>> 0;
	return () => {
		a = (a + 0x6d_2b_79_f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

type Random = {
	readonly next: () => number;
	readonly int: (low: number, high: number) => number;
	readonly pick: <T>(items: readonly T[]) => T;
};

function random(state: number): Random {
	const next = mulberry32(state);
	const int = (low: number, high: number): number => low + Math.floor(next() * (high - low + 1));
	return {next, int, pick: (items) => items[int(0, items.length - 1)]!};
}

const namedKeys = [
	'\u001B[A', '\u001B[B', '\u001B[C', '\u001B[D', // arrows
	'\u001BOA', '\u001BOB', // arrows in application mode
	'\u001B[H', '\u001B[F', '\u001B[1~', '\u001B[4~', // home, end
	'\u001B[5~', '\u001B[6~', // page up, down
	'\u001B[3~', '\u001B[2~', '\u001BOP', '\u001B[15~', // delete, insert, F1, F5
	'\r', '\n', '\t', '\u001B[Z', ' ', '\u007F', '\u001B', '\u001B\u001B',
	'\u001B[1;5A', '\u001B[1;2B', // ctrl-up, shift-down
	'\u001B[<0;10;5M', '\u001B[<0;10;5m', '\u001B[<64;3;3M', '\u001B[<65;3;3M', // click, release, wheel up, down
];
const letters = [...'hjklgGoqyynN/:?zozczRzMjjjkkk', ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:;.,'];
const commands = [':q', ':help', ':projects', ':experience', ':zz', '/linux', '/ARM', '/zzz', '/', '5j', '12k', '3G', '99j'];
const pasteAlphabet = [...'abc xyz 123 …—–·•▸▾›‹❯│─', '漢字', '😀', 'e\u0301', '\u200B', '\u0000', '\u0007'];

/** One key as the terminal sends it. */
function randomKey(rng: Random): string {
	const kind = rng.next();
	if (kind < 0.4) {
		return rng.pick(namedKeys);
	}

	if (kind < 0.8) {
		return rng.pick(letters);
	}

	if (kind < 0.88) {
		return `${rng.pick(commands)}${rng.next() < 0.7 ? '\r' : ''}`;
	}

	if (kind < 0.96) {
		return String.fromCodePoint(rng.int(1, 26)); // Ctrl-a … Ctrl-z (Ctrl-c, -d, -u among them)
	}

	return `\u001B${rng.pick(letters)}`; // Alt-key
}

/** A paste: random bytes (as Latin-1 characters) and random text, CJK and emoji included. */
function randomPaste(rng: Random): string {
	let text = '';
	const length = rng.int(1, 40);
	for (let index = 0; index < length; index++) {
		text += rng.next() < 0.5 ? String.fromCodePoint(rng.int(0, 255)) : rng.pick(pasteAlphabet);
	}

	return text;
}

function randomSize(rng: Random): Size {
	const kind = rng.next();
	if (kind < 0.3) {
		return {columns: rng.int(1, 200), rows: rng.int(1, 60)};
	}

	// Mostly near the layout's thresholds (40×12, 60 columns, 20 rows), where off-by-ones live.
	return kind < 0.45 ? {columns: rng.int(1, 45), rows: rng.int(1, 14)} : {columns: rng.int(36, 90), rows: rng.int(9, 30)};
}

export type Step = {readonly type: 'write'; readonly data: string} | {readonly type: 'resize'; readonly size: Size} | {readonly type: 'frame'};

/**
 * Sequence `index` of the run with this seed: maybe a new size, then bursts of keys and pastes,
 * sometimes a resize or a frame in between. Each sequence continues from the state the previous
 * one left.
 */
export function sequence(seed: number, index: number): Step[] {
	const rng = random((seed ^ Math.imul(index + 1, 0x9e_37_79_b9)) >>> 0);
	const steps: Step[] = rng.next() < 0.25 ? [{type: 'resize', size: randomSize(rng)}] : [];
	const count = rng.int(1, 4);
	for (let step = 0; step < count; step++) {
		steps.push({type: 'write', data: rng.next() < 0.85 ? Array.from({length: rng.int(1, 6)}, () => randomKey(rng)).join('') : randomPaste(rng)});
		if (step < count - 1) {
			const between = rng.next();
			if (between < 0.06) {
				steps.push({type: 'resize', size: randomSize(rng)});
			} else if (between < 0.2) {
				steps.push({type: 'frame'});
			}
		}
	}

	// Half the sequences end with a frame; the others run on into the next one, as keys typed
	// faster than the screen redraws do. (A frame costs far more than keys: this halves the run.)
	if (rng.next() < 0.5) {
		steps.push({type: 'frame'});
	}

	return steps;
}

/** Why a frame does not fit `size`, or undefined when it does. */
export function misfit(frame: string, size: Size): {readonly reason: string} | undefined {
	const lines = frame.split('\n');
	if (lines.length > size.rows) {
		return {reason: `${lines.length} lines on ${size.rows} rows`};
	}

	for (const [row, line] of lines.entries()) {
		const width = stringWidth(stripAnsi(line));
		if (width > size.columns) {
			return {reason: `line ${row} is ${width} columns wide on ${size.columns}: ${JSON.stringify(line)}`};
		}
	}

	return undefined;
}

class Boundary extends React.Component<{readonly onError: (error: unknown) => void; readonly children: React.ReactNode}, {failed: boolean}> {
	override state = {failed: false};

	static getDerivedStateFromError(): {failed: boolean} {
		return {failed: true};
	}

	override componentDidCatch(error: unknown): void {
		this.props.onError(error);
	}

	override render(): React.ReactNode {
		return this.state.failed ? null : this.props.children;
	}
}

const loaded = parseResume(resumeDocument, 'data/resume.json');
if (!loaded.ok) {
	throw new Error(loaded.error);
}

const {resume} = loaded;
/** Each batch draws with one of these, in turn: escape codes (and OSC 8 links) or none. */
export const styles: readonly Style[] = [
	{theme: createTheme('dark', 3), hasHyperlinks: true},
	{theme: createTheme('light', 1), hasHyperlinks: false},
	{theme: createTheme('mono', 0), hasHyperlinks: false},
];

/** Lets React render what the writes changed (one frame, if anything changed) and a lone Escape through. */
const nextFrame = async (): Promise<void> =>
	new Promise((resolve) => {
		setImmediate(resolve);
	});

type SizeControl = {setSize?: (size: Size) => void; rendered: Size};

/** The App at a size held in state, so a resize and the keys around it make one render, as in a terminal. */
function Sized({initial, control, style}: {readonly initial: Size; readonly control: SizeControl; readonly style: Style}): React.JSX.Element {
	const [size, setSize] = React.useState(initial);
	control.setSize = setSize;
	control.rendered = size;
	return <App resume={resume} size={size} style={style} onOpenLink={(url) => `Opening ${url}`} onCopyLink={(url) => `Copied ${url}`} onQuit={() => {}} />;
}

const describeError = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

export type BatchResult = {
	readonly sequences: number;
	readonly frames: number;
	readonly failure?: string;
};

/** Runs sequences [first, last) on one freshly mounted App; stops at the first failure, with a replayable report. */
export async function runBatch(options: {readonly seed: number; readonly batch: number; readonly first: number; readonly last: number}): Promise<BatchResult> {
	const {seed, batch, first, last} = options;
	let frames = 0;
	const problems: string[] = [];
	const control: SizeControl = {rendered: {columns: 80, rows: 24}};
	const instance = render(
		<Boundary onError={(error) => problems.push(`render threw: ${describeError(error)}`)}>
			<Sized initial={control.rendered} control={control} style={styles[batch % styles.length]!} />
		</Boundary>,
	);
	// Ink lays out at its stdout's width, as dist/cli.cjs does at the terminal's.
	Object.defineProperty(instance.stdout, 'columns', {get: () => control.rendered.columns});
	instance.stdout.write = (frame: string) => {
		frames++;
		const why = misfit(frame, control.rendered);
		if (why) {
			problems.push(`frame does not fit ${control.rendered.columns}×${control.rendered.rows}: ${why.reason}\n${stripAnsi(frame)}`);
		}
	};

	// Keys are read once Ink has attached to stdin (an effect, so after the first commit).
	while (instance.stdin.listenerCount('readable') === 0) {
		await nextFrame();
	}

	const history: Step[][] = [];
	try {
		for (let index = first; index < last; index++) {
			const steps = sequence(seed, index);
			history.push(steps);
			try {
				for (const step of steps) {
					if (step.type === 'resize') {
						control.setSize?.(step.size);
					} else if (step.type === 'write') {
						instance.stdin.write(step.data);
					} else {
						await nextFrame();
					}
				}
			} catch (error) {
				problems.push(`threw: ${describeError(error)}`);
			}

			if (index === last - 1) {
				await nextFrame();
			}

			if (problems.length > 0) {
				const failure = [
					`fuzz failure in sequence ${index} (batch ${batch}: sequences ${first}–${last - 1} on one fresh App, style ${batch % styles.length})`,
					`replay: FUZZ_SEED=${seed} FUZZ_BATCH=${batch} npx vitest run test/host/fuzz.test.tsx`,
					problems[0],
					`the failing sequence: ${JSON.stringify(steps)}`,
					`the sequences before it on this App: ${JSON.stringify(history.slice(0, -1))}`,
				].join('\n');
				return {sequences: index - first + 1, frames, failure};
			}
		}
	} finally {
		instance.unmount();
	}

	return {sequences: last - first, frames};
}

export type WorkerTask = {readonly role: 'fuzz'; readonly seed: number; readonly batches: ReadonlyArray<readonly [batch: number, first: number, last: number]>};

// In a worker thread: run the batches handed over, report, and stop at the first failure.
const task = workerData as WorkerTask | undefined;
if (parentPort && task?.role === 'fuzz') {
	let sequences = 0;
	let frames = 0;
	let failure: string | undefined;
	for (const [batch, first, last] of task.batches) {
		const result = await runBatch({seed: task.seed, batch, first, last});
		sequences += result.sequences;
		frames += result.frames;
		failure = result.failure;
		if (failure) {
			break;
		}
	}

	parentPort.postMessage({sequences, frames, failure} satisfies BatchResult);
}
