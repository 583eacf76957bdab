// The help screen's lines, written from the keymap table and wrapped to the width.
import {wrapParagraph} from '../document/layout.js';
import {keyLabel, keymap, type Binding, type KeyContext} from '../model/keymap.js';
import type {Style} from './theme.js';

export const helpGroups: ReadonlyArray<readonly [KeyContext, string]> = [
	['menu', 'Section list'],
	['detail', 'Inside a section'],
	['project', 'On a project'],
	['link', 'On a link'],
	['search', 'While a search is shown'],
	['global', 'Anywhere'],
	['always', 'Even in a prompt'],
	['prompt', 'In the / search or : command line (other keys type text)'],
	['help', 'In this help'],
];

const keyColumn = 20;

export function helpLines(style: Style, width: number, bindings: readonly Binding[] = keymap): string[] {
	const {theme} = style;
	const lines: string[] = [];
	for (const [context, title] of helpGroups) {
		const inGroup = bindings.filter((binding) => binding.when === context);
		if (inGroup.length === 0) {
			continue;
		}

		if (lines.length > 0) {
			lines.push('');
		}

		lines.push(theme.heading(title));
		for (const binding of inGroup) {
			const keys = binding.keys.map(keyLabel).join(' ');
			const lead = `  ${keys.padEnd(keyColumn)} `;
			const [first = '', ...rest] = wrapParagraph({spans: [{text: binding.description}]}, Math.max(1, width - lead.length), style);
			lines.push(`  ${theme.key(keys.padEnd(keyColumn))} ${first}`, ...rest.map((line) => ' '.repeat(lead.length) + line));
		}
	}

	return lines;
}
