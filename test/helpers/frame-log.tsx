// Renders the App through a fixed tour of states (every section, search, help, folds, resizes,
// three résumés, four colour levels) and a seeded run of the fuzzer's random sequences, and
// writes every frame Ink emits, escape codes and all, to the JSON file named by the first
// argument: one array of frames per tour. test/package/ink-frame-cache.test.ts bundles it with
// and without the ink-frame-cache plugin and compares the files. A second argument (`0,4`)
// runs only those tours.
import {writeFileSync} from 'node:fs';
import process from 'node:process';
import {render} from 'ink-testing-library';
import React from 'react';
import {unstable_IdlePriority as idlePriority, unstable_scheduleCallback as scheduleCallback} from 'scheduler';
import resumeDocument from '../../data/resume.json' with {type: 'json'};
import hostileDocument from '../fixtures/hostile.json' with {type: 'json'};
import {App} from '../../source/host/App.js';
import {parseResume} from '../../source/data/load.js';
import type {Resume} from '../../source/data/schema.js';
import {createTheme, type Style} from '../../source/view/theme.js';
import {keys} from './render-app.js';
import {sequence, type Step} from './fuzz-app.js';
import type {Size} from '../../source/terminal/port.js';

function parsed(document: unknown, name: string): Resume {
	const loaded = parseResume(document, name);
	if (!loaded.ok) {
		throw new Error(loaded.error);
	}

	return loaded.resume;
}

/** Our résumé with double-width characters (CJK, emoji, a ZWJ sequence) in its name, summary, a job and a project. */
function wideResume(): Resume {
	const {basics, work, projects, ...rest} = resumeDocument;
	const [job, ...jobs] = work;
	const [project, ...others] = projects;
	return parsed(
		{
			...rest,
			basics: {...basics, name: `${basics.name} 巴拉 🚀`, summary: `日本語のテキスト 👩‍💻 ${basics.summary}`},
			work: [{...job, highlights: ['漢字と ✨ 全角', ...(job?.highlights ?? [])]}, ...jobs],
			projects: [{...project, name: `🐧 ${project?.name ?? ''}`}, ...others],
		},
		'wide',
	);
}

const resumes = {own: parsed(resumeDocument, 'data/resume.json'), wide: wideResume(), hostile: parsed(hostileDocument, 'hostile.json')};
const style = (theme: 'dark' | 'light' | 'mono', level: 0 | 1 | 2 | 3): Style => ({theme: createTheme(theme, level), hasHyperlinks: level === 3});

/** A walk through every kind of screen: each item is written at once, then the frames settle. */
const tour: ReadonlyArray<string | Size> = [
	...'jjjjjjjjkkkkkkkk',
	'G',
	'g',
	keys.tab,
	keys.tab,
	keys.shiftTab,
	keys.enter,
	...'jjjjjkk',
	keys.pageDown,
	keys.pageUp,
	keys.ctrlD,
	keys.ctrlU,
	'G',
	'g',
	keys.escape,
	'jjj',
	keys.enter,
	keys.enter,
	'j',
	'zo',
	'zc',
	'za',
	'zR',
	keys.pageDown,
	'zM',
	'?',
	...'jjjkk',
	'G',
	'?',
	'/linux',
	keys.enter,
	...'nnnN',
	keys.escape,
	'/ker',
	keys.tab,
	'\u007F',
	keys.enter,
	keys.escape,
	keys.escape,
	':projects',
	keys.enter,
	'5j',
	{columns: 80, rows: 24},
	...'jjk',
	{columns: 120, rows: 40},
	'G',
	{columns: 40, rows: 12},
	'kk',
	{columns: 30, rows: 10},
	{columns: 200, rows: 60},
	keys.escape,
	...'jjjj',
	{columns: 100, rows: 30},
	keys.shiftTab,
	keys.enter,
	...'jjjj',
];

type Tour = {readonly resume: Resume; readonly style: Style; readonly size: Size; readonly steps: ReadonlyArray<string | Size | Step>};

const tours: Tour[] = [
	{resume: resumes.own, style: style('dark', 3), size: {columns: 100, rows: 30}, steps: tour},
	// Other colour levels change only the codes: half a tour each.
	{resume: resumes.own, style: style('light', 2), size: {columns: 100, rows: 30}, steps: tour.slice(0, 45)},
	{resume: resumes.own, style: style('dark', 1), size: {columns: 100, rows: 30}, steps: tour.slice(45)},
	{resume: resumes.own, style: style('mono', 0), size: {columns: 100, rows: 30}, steps: tour},
	{resume: resumes.wide, style: style('dark', 3), size: {columns: 60, rows: 20}, steps: tour},
	{resume: resumes.hostile, style: style('light', 3), size: {columns: 100, rows: 30}, steps: tour.slice(0, 40)},
	// The fuzzer's sequences: random keys, pastes with CJK, emoji and control characters, resizes.
	...[0, 1, 2].map((run) => ({
		resume: resumes.own,
		style: [style('dark', 3), style('light', 1), style('mono', 0)][run]!,
		size: {columns: 80, rows: 24},
		steps: Array.from({length: 30}, (_, index) => sequence(20_261_127 + run, index)).flat(),
	})),
];

/**
 * Lets a lone Escape through (Ink flushes it on the next turn), then waits for React to render
 * everything that changed: React renders in scheduler tasks that yield to the event loop after
 * 5 ms, so without this whether a step's frame came before the next step's would depend on
 * speed, and a faster build would merge different frames. A task at idle priority runs after
 * every other queued task, including those the renders before it queue.
 */
async function settle(): Promise<void> {
	await new Promise((resolve) => {
		setImmediate(resolve);
	});
	await new Promise<void>((resolve) => {
		scheduleCallback(idlePriority, () => {
			resolve();
		});
	});
}

type SizeControl = {setSize?: (size: Size) => void; rendered: Size};

/** The App at a size held in state, so a resize re-renders it as a terminal's would. */
function Sized({tour, control}: {readonly tour: Tour; readonly control: SizeControl}): React.JSX.Element {
	const [size, setSize] = React.useState(tour.size);
	control.setSize = setSize;
	control.rendered = size;
	return <App resume={tour.resume} size={size} style={tour.style} onOpenLink={(url) => `Opening ${url}`} onCopyLink={(url) => `Copied ${url}`} onQuit={() => {}} />;
}

async function run(tour: Tour): Promise<string[]> {
	const control: SizeControl = {rendered: tour.size};
	const instance = render(<Sized tour={tour} control={control} />);
	// Ink lays out at its stdout's width, as dist/cli.cjs does at the terminal's.
	Object.defineProperty(instance.stdout, 'columns', {get: () => control.rendered.columns});

	// Keys are read once Ink has attached to stdin (an effect, so after the first commit).
	while (instance.stdin.listenerCount('readable') === 0) {
		await settle();
	}

	for (const step of tour.steps) {
		if (typeof step === 'string') {
			instance.stdin.write(step);
		} else if ('columns' in step) {
			control.setSize?.(step);
		} else if (step.type === 'write') {
			instance.stdin.write(step.data);
		} else if (step.type === 'resize') {
			control.setSize?.(step.size);
		}

		await settle();
	}

	instance.unmount();
	// Every frame Ink wrote, from the first.
	return instance.frames;
}

const [outfile, only] = process.argv.slice(2);
const frames: string[][] = [];
for (const [index, each] of tours.entries()) {
	frames.push(only === undefined || only.split(',').includes(String(index)) ? await run(each) : []);
}

writeFileSync(outfile!, JSON.stringify(frames));
