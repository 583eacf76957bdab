import {Text} from 'ink';
import React from 'react';
import {footerLine, type FooterProps} from '../lines.js';

type Props = FooterProps;

const sameHints = (a: Props['hints'], b: Props['hints']): boolean =>
	a === b || (a.length === b.length && a.every((hint, index) => hint.keys === b[index]?.keys && hint.label === b[index]?.label));

/** The bottom line: the prompt, a message, or the keys that apply now (from the keymap table). */
export const Footer = React.memo(function Footer(props: Props): React.JSX.Element {
	return <Text wrap="truncate-end">{footerLine(props)}</Text>;
},
// The app passes a fresh hints array on every key; it only matters when its content changes.
(before, after) =>
	before.prompt === after.prompt &&
	before.message === after.message &&
	before.pendingKeys === after.pendingKeys &&
	before.width === after.width &&
	before.theme === after.theme &&
	sameHints(before.hints, after.hints));
