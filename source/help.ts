// The help screen's lines, written from the keymap table.
import {keyLabel, keymap, type Binding, type KeyContext} from './keymap.js';
import type {Theme} from './theme.js';

const groups: ReadonlyArray<readonly [KeyContext, string]> = [
	['menu', 'Section list'],
	['detail', 'Inside a section'],
	['project', 'On a project'],
	['link', 'On a link'],
	['global', 'Anywhere'],
	['help', 'In this help'],
];

export function helpLines(theme: Theme, bindings: readonly Binding[] = keymap): string[] {
	const lines: string[] = [];
	for (const [context, title] of groups) {
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
			lines.push(`  ${theme.key(keys.padEnd(20))} ${binding.description}`);
		}
	}

	return lines;
}
