import {Box, Text} from 'ink';
import React from 'react';

/** What the last key did, in words, a line each: Ink's screen-reader output writes them as they are. */
export function Announcement({lines}: {readonly lines: readonly string[]}): React.JSX.Element {
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				<Text key={index}>{line}</Text>
			))}
		</Box>
	);
}
