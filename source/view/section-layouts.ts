import {useMemo} from 'react';
import {layoutSection, type SectionLayout, type Style} from '../document/layout.js';
import type {Section} from '../document/model.js';

/** Lays out sections on demand, remembering each (section, expanded set) at this width. */
export function useSectionLayouts(
	sections: readonly Section[],
	width: number,
	style: Style,
	highlight?: RegExp,
): (section: number, expanded: ReadonlySet<string>) => SectionLayout {
	return useMemo(() => {
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
				layout = layoutSection(section, Math.max(1, width), style, {expanded, showExpanders: true, highlight});
				cache.set(cacheKey, layout);
			}

			return layout;
		};
	}, [sections, width, style, highlight]);
}
