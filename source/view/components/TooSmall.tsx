import {Text} from 'ink';
import React from 'react';
import type {Size} from '../screen-plan.js';
import type {Theme} from '../theme.js';
import {tooSmallLine} from '../lines.js';

/** The one-line notice shown when the terminal is below the minimum size. */
export function TooSmall({size, theme}: {readonly size: Size; readonly theme: Theme}): React.JSX.Element {
	return <Text wrap="truncate-end">{tooSmallLine(size.columns, theme)}</Text>;
}
