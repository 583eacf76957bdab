import {layoutSection, type SectionLayout} from '../document/layout.js';
import type {Section} from '../document/model.js';
import type {Style} from './theme.js';

/** Lays out sections on demand, remembering each (section, expanded set) at this width. */
export function sectionLayouts(sections: readonly Section[], width: number, style: Style): (section: number, expanded: ReadonlySet<string>) => SectionLayout {
	const cache = new Map<string, SectionLayout>();
	return (index, expanded) => {
		const section = sections[index];
		if (!section) {
			return {lines: [], entries: []};
		}

		// Only this section's expanded keys matter to its layout.
		const keys = section.entries.filter((entry) => expanded.has(entry.key)).map((entry) => entry.key);
		const cacheKey = `${index}|${keys.join(',')}`;
		let layout = cache.get(cacheKey);
		if (!layout) {
			layout = layoutSection(section, Math.max(1, width), style, {expanded, showExpanders: !style.isScreenReader});
			cache.set(cacheKey, layout);
		}

		return layout;
	};
}
