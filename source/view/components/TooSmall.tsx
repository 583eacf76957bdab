import {Text} from 'ink';
import React from 'react';

/** The one-line notice shown when the terminal is below the minimum size. */
export function TooSmall({line}: {readonly line: string}): React.JSX.Element {
	return <Text wrap="truncate-end">{line}</Text>;
}
