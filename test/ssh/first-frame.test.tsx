// The shared first frame is exactly what the app paints when it mounts: a session that shows the
// cached frame and mounts the app at the first key never repaints (or shows a wrong frame).
import {describe, expect, it} from 'vitest';
import resumeDocument from '../../data/resume.json' with {type: 'json'};
import {parseResume} from '../../source/data/load.js';
import {ChannelInput} from '../../source/terminal/channel-input.js';
import {createSharedViews} from '../../source/ssh/shared-views.js';
import {runTui} from '../../source/host/run-tui.js';
import {Screen} from '../../source/terminal/screen.js';
import {createTheme} from '../../source/view/theme.js';
import {asInkWrites, frameParts, frameRows} from '../../source/view/frame.js';
import {initialUi} from '../../source/model/controller.js';
import {initialNavState} from '../../source/model/navigation.js';

const loaded = parseResume(resumeDocument, 'data/resume.json');
if (!loaded.ok) {
	throw new Error(loaded.error);
}

const {resume} = loaded;
const views = createSharedViews(resume, 4);

describe('the shared first frame', () => {
	it.each([
		[100, 30, 2],
		[80, 24, 0],
		[300, 100, 3],
		[45, 14, 1],
		[20, 5, 2],
	] as const)('at %i×%i, colour level %i, is the frame the app paints on mounting', async (columns, rows, level) => {
		const size = {columns, rows};
		const style = {theme: createTheme('dark', level), hasHyperlinks: level > 0};
		const writes: string[] = [];
		const screen = new Screen((data) => writes.push(data), () => size);
		screen.enter();
		screen.paint(views.firstFrame(size, style));
		expect(writes.join('')).toContain('\u001B[?2026l');
		writes.length = 0;
		const input = new ChannelInput();
		const tui = runTui(
			{stdin: input.asReadStream(), write: (data) => writes.push(data), size: () => size, onResize: () => () => {}},
			{resume, style, screen, onOpenLink: (url) => url},
		);
		// Effects run after the mount; give them their turn before looking.
		await new Promise((resolve) => setImmediate(resolve));
		expect(writes).toEqual([]);
		// The first key is not lost to the gap before Ink listens.
		input.push(Buffer.from('j'));
		await new Promise((resolve) => setImmediate(resolve));
		await new Promise((resolve) => setImmediate(resolve));
		if (columns >= 40 && rows >= 12) {
			expect(writes.join('')).toContain('Experience');
		}

		tui.stop();
	});

	it('is rendered once per size and style, and the cache stays bounded', () => {
		const style = {theme: createTheme('dark', 2), hasHyperlinks: true};
		const first = views.firstFrame({columns: 90, rows: 25}, style);
		expect(views.firstFrame({columns: 90, rows: 25}, style)).toBe(first);
		for (let columns = 60; columns < 70; columns++) {
			views.firstFrame({columns, rows: 25}, style);
		}

		// Pushed out by ten newer sizes, then rendered again: the same frame.
		const again = views.firstFrame({columns: 90, rows: 25}, style);
		expect(again).toEqual(first);
	});

	it('shares one view per size and style, which the first frame is drawn from', () => {
		const style = {theme: createTheme('light', 3), hasHyperlinks: true};
		const view = views.view({columns: 100, rows: 30}, style);
		expect(views.view({columns: 100, rows: 30}, style)).toBe(view);
		expect(views.view({columns: 100, rows: 31}, style)).not.toBe(view);
		expect(views.firstFrame({columns: 100, rows: 30}, style).split('\n')).toEqual(
			frameRows(frameParts(view, initialUi(initialNavState))).map((row) => asInkWrites(row)),
		);
	});
});
