import {Text} from 'ink';
import React from 'react';
import type {Theme} from '../theme.js';

type Props = {
	readonly hints: ReadonlyArray<{readonly keys: string; readonly label: string}>;
	/** A one-off message (e.g. the link just opened) shown instead of the hints. */
	readonly message?: string;
	readonly theme: Theme;
};

/** The keys that apply now, from the keymap table. */
export function Footer({hints, message, theme}: Props): React.JSX.Element {
	if (message) {
		return <Text wrap="truncate-end">{theme.accent(message)}</Text>;
	}

	return <Text wrap="truncate-end">{hints.map((hint) => `${theme.key(hint.keys)} ${theme.muted(hint.label)}`).join('  ')}</Text>;
}
