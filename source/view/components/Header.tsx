import {Box, Text} from 'ink';
import React from 'react';

type Props = {
	/** Pre-wrapped header lines, each at most the terminal's width. */
	readonly lines: readonly string[];
	/** The line under the header; decoration, which a screen reader is not given. */
	readonly rule?: string;
};

/** Name, label, location and the contact line, above a rule. */
export const Header = React.memo(function Header({lines, rule}: Props): React.JSX.Element {
	return (
		<Box flexDirection="column" flexShrink={0}>
			{lines.map((line, index) => (
				<Text key={index} wrap="truncate-end">
					{line}
				</Text>
			))}
			{rule === undefined ? undefined : (
				<Text wrap="truncate-end" aria-hidden>
					{rule}
				</Text>
			)}
		</Box>
	);
});
