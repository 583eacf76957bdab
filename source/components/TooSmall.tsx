import {Text} from 'ink';
import React from 'react';
import {minColumns, minRows, type Size} from '../screen-plan.js';
import type {Theme} from '../theme.js';

/** The one-line notice shown when the terminal is below the minimum size. */
export function TooSmall({size, theme}: {readonly size: Size; readonly theme: Theme}): React.JSX.Element {
	const message = `terminal too small: need ${minColumns}×${minRows}`;
	// Cut to the width by hand: at 1×1 there is no room for Ink's ellipsis either.
	return <Text wrap="truncate-end">{theme.warning(message.slice(0, Math.max(1, size.columns)))}</Text>;
}
