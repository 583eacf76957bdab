import {Text} from 'ink';
import React from 'react';

/** The bottom line: the prompt, a message, or the keys that apply now (from the keymap table). */
export const Footer = React.memo(function Footer({line}: {readonly line: string}): React.JSX.Element {
	return <Text wrap="truncate-end">{line}</Text>;
});
