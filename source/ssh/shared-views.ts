// What every visitor of one server shares: the view of the résumé at each size and style (its
// header, plan and section layouts, made once however many visitors look at that size), and the
// first frame drawn from it by the one pure view (no Ink). A session paints the first frame at
// once and mounts the app only at the first key, so a visitor who only looks costs no React tree;
// the app, and the store of a visitor whose app was unmounted, lay out through the shared views.
import {initialUi, type UiState} from '../model/controller.js';
import {initialNavState} from '../model/navigation.js';
import {asInkWrites, frameParts, frameRows} from '../view/frame.js';
import {createView, type View} from '../view/view.js';
import type {Resume} from '../data/schema.js';
import type {Style} from '../view/theme.js';
import type {Size} from '../terminal/port.js';

export type SharedViews = {
	/** The view at this size and style. */
	readonly view: (size: Size, style: Style) => View;
	/** Its first frame, in Ink's own bytes. */
	readonly firstFrame: (size: Size, style: Style) => string;
};

/** The frame of `ui` drawn by the pure view in Ink's own bytes, so an app mounted on it repaints nothing. */
export function inkFrame(view: View, ui: UiState): string {
	return frameRows(frameParts(view, ui)).map((row) => asInkWrites(row)).join('\n');
}

/** A cache of the `capacity` most recently used entries, each made by `make` when missing. */
function recentlyUsed<Value>(capacity: number): (key: string, make: () => Value) => Value {
	const entries = new Map<string, Value>();
	return (key, make) => {
		let value = entries.get(key);
		if (value === undefined) {
			value = make();
			if (entries.size >= capacity) {
				entries.delete(entries.keys().next().value ?? '');
			}
		} else {
			entries.delete(key);
		}

		// Map order is insertion order: re-inserting keeps the most recently used last.
		entries.set(key, value);
		return value;
	};
}

/** The shared views of `resume`, each cache keeping the `capacity` most recently used sizes and styles. */
export function createSharedViews(resume: Resume, capacity = 64): SharedViews {
	// Styles are shared per colour level and theme by the server, so a few ids cover them all.
	const styleIds = new WeakMap<Style, number>();
	let nextStyleId = 0;
	const keyOf = (size: Size, style: Style): string => {
		let styleId = styleIds.get(style);
		if (styleId === undefined) {
			styleId = nextStyleId++;
			styleIds.set(style, styleId);
		}

		return `${size.columns}x${size.rows}|${styleId}`;
	};

	const views = recentlyUsed<View>(capacity);
	const frames = recentlyUsed<string>(capacity);
	const view = (size: Size, style: Style): View => views(keyOf(size, style), () => createView(resume, size, style));
	return {
		view,
		firstFrame: (size, style) => frames(keyOf(size, style), () => inkFrame(view(size, style), initialUi(initialNavState))),
	};
}
