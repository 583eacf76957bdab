// Input as Ink's useInput reports it (text and a key), turned into key presses on the store.
import {keyNames, mouseEvent, type InkKey} from './keymap.js';
import type {Store} from './store.js';

/** Presses every key of one input event; below the minimum size only quitting does anything. */
export function pressInput(store: Store, input: string, key: InkKey, isTooSmall: boolean): void {
	const mouse = mouseEvent(input);
	if (mouse) {
		store.press(mouse.name, mouse);
		return;
	}

	for (const name of keyNames(input, key)) {
		if (!isTooSmall || name === 'q' || name === 'ctrl-c') {
			store.press(name);
		}
	}
}
