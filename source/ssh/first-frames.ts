// The app's first frame for a size and style, drawn once by the one pure view (no Ink) and shared
// by every visitor who opens at that size and colour level. A session paints it at once and mounts
// the app only at the first key or resize, so a visitor who only looks costs no React tree and no
// Ink instance.
import {initialUi} from '../model/controller.js';
import {initialNavState} from '../model/navigation.js';
import {asInkWrites, frameParts, frameRows} from '../view/frame.js';
import {createView} from '../view/view.js';
import type {Resume} from '../data/schema.js';
import type {Style} from '../view/theme.js';
import type {Size} from '../terminal/port.js';

export type FirstFrames = (size: Size, style: Style) => string;

/** A cache of first frames, the least recently used dropped past `capacity`. */
export function createFirstFrames(resume: Resume, capacity = 64): FirstFrames {
	const frames = new Map<string, string>();
	// Styles are shared per colour level by the server, so a few ids cover them all.
	const styleIds = new WeakMap<Style, number>();
	let nextStyleId = 0;
	return (size, style) => {
		let styleId = styleIds.get(style);
		if (styleId === undefined) {
			styleId = nextStyleId++;
			styleIds.set(style, styleId);
		}

		const key = `${size.columns}x${size.rows}|${styleId}`;
		let frame = frames.get(key);
		if (frame === undefined) {
			frame = frameRows(frameParts(createView(resume, size, style), initialUi(initialNavState))).map((row) => asInkWrites(row)).join('\n');
			if (frames.size >= capacity) {
				frames.delete(frames.keys().next().value ?? '');
			}
		} else {
			frames.delete(key);
		}

		// Map order is insertion order: re-inserting keeps the most recently used last.
		frames.set(key, frame);
		return frame;
	};
}
