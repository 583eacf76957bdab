import {Text} from 'ink';
import React from 'react';
import stringWidth from 'string-width';
import {fitEnd, fitStart} from '../document/fit.js';
import type {Theme} from '../theme.js';

type Props = {
	readonly hints: ReadonlyArray<{readonly keys: string; readonly label: string}>;
	/** The open search or command line, e.g. "/kernel". */
	readonly prompt?: string;
	/** A one-off message (e.g. the link just opened) shown instead of the hints. */
	readonly message?: string;
	/** A count or unfinished key sequence typed so far, shown at the right like Vim's showcmd. */
	readonly pendingKeys: string;
	readonly width: number;
	readonly theme: Theme;
};

const sameHints = (a: Props['hints'], b: Props['hints']): boolean =>
	a === b || (a.length === b.length && a.every((hint, index) => hint.keys === b[index]?.keys && hint.label === b[index]?.label));

/** The bottom line: the prompt, a message, or the keys that apply now (from the keymap table). */
export const Footer = React.memo(function Footer({hints, prompt, message, pendingKeys, width, theme}: Props): React.JSX.Element {
	let left: string;
	if (prompt !== undefined) {
		// Keep the end of a long prompt in view, with a block for the cursor.
		left = `${fitStart(prompt, Math.max(0, width - 1))}${theme.selected(' ')}`;
	} else if (message) {
		left = theme.accent(fitEnd(message, width));
	} else {
		left = hints.map((hint) => `${theme.key(hint.keys)} ${theme.muted(hint.label)}`).join('  ');
	}

	const gap = width - stringWidth(left) - stringWidth(pendingKeys);
	return <Text wrap="truncate-end">{pendingKeys && gap >= 1 ? left + ' '.repeat(gap) + theme.accent(pendingKeys) : left}</Text>;
},
// The app passes a fresh hints array on every key; it only matters when its content changes.
(before, after) =>
	before.prompt === after.prompt &&
	before.message === after.message &&
	before.pendingKeys === after.pendingKeys &&
	before.width === after.width &&
	before.theme === after.theme &&
	sameHints(before.hints, after.hints));
