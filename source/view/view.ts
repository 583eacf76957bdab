// What the view needs to draw any frame of one résumé at one size and style: the sections, how
// the screen is shared out, the header, and each section's layout, made on first use and kept.
// One is made per (résumé, size, style); the controller measures through the same layouts.
import type {Resume} from '../data/schema.js';
import {headerLines} from '../document/header.js';
import type {Line, SectionLayout} from '../document/layout.js';
import type {Section} from '../document/model.js';
import {buildSections} from '../document/sections.js';
import type {ControllerEnv} from '../model/controller.js';
import type {Size} from '../terminal/port.js';
import {helpLines} from './help.js';
import {planFor} from './lines.js';
import type {ScreenPlan} from './screen-plan.js';
import {sectionLayouts} from './section-layouts.js';
import type {Style} from './theme.js';

export type View = {
	readonly size: Size;
	readonly style: Style;
	readonly sections: readonly Section[];
	readonly titles: readonly string[];
	readonly plan: ScreenPlan;
	/** The header's lines (none when the terminal is too small). */
	readonly header: readonly string[];
	readonly layoutOf: (section: number, expanded: ReadonlySet<string>) => SectionLayout;
	/** The help screen's lines, wrapped when first asked for. */
	readonly helpLines: () => readonly Line[];
	/** What the controller needs to know of this layout. */
	readonly env: ControllerEnv;
};

/**
 * What a screen reader's text is laid out for: lines as long as their paragraphs (the terminal
 * wraps them, a sentence is never cut) and a viewport that holds a whole section, so every move
 * goes from one item to the next.
 */
const readingSize: Size = {columns: 10_000, rows: 10_000};

/** The view of `resume` (or of its sections, already built) at this size and style. */
export function createView(resume: Resume, size: Size, style: Style, sections: readonly Section[] = buildSections(resume)): View {
	const titles = sections.map((section) => section.title);
	// Laid out once, for the plan (its height) and for the screen.
	let header: readonly string[] = [];
	const layoutSize = style.isScreenReader ? readingSize : size;
	const plan = planFor(resume, titles, layoutSize, style, (width, isCompact) => (header = headerLines(resume, width, style, isCompact)));
	if (plan.kind === 'too-small') {
		header = [];
	}

	const layoutOf = sectionLayouts(sections, plan.kind === 'full' ? plan.textWidth : 1, style);
	let help: readonly Line[] | undefined;
	const helpOf = (): readonly Line[] => (help ??= helpLines(style, layoutSize.columns - 2).map((text) => ({text})));
	const expandableKeys = sections.flatMap((section) => section.entries.filter((entry) => (entry.details?.length ?? 0) > 0).map((entry) => entry.key));
	const env: ControllerEnv = {
		sections,
		geometry: {
			sectionCount: sections.length,
			height: plan.kind === 'full' ? plan.viewportHeight : 1,
			get helpLineCount() {
				return helpOf().length;
			},
			expandableKeys,
			measure: (section, expanded) => {
				const layout = layoutOf(section, expanded);
				return {entries: layout.entries, lineCount: layout.lines.length};
			},
		},
		entryAt: (section, expanded, index) => layoutOf(section, expanded).entries[index],
		hitTest: (nav, x, y) => {
			if (plan.kind !== 'full' || nav.isHelpOpen) {
				return undefined;
			}

			const row = y - header.length - 2;
			if (row < 0 || row >= plan.bodyHeight) {
				return undefined;
			}

			if (x <= plan.menuWidth) {
				return row < sections.length ? {type: 'go-to-section', section: row} : undefined;
			}

			const entry = layoutOf(nav.section, nav.expanded).lines[nav.scroll + row - 1]?.entry;
			return entry === undefined ? undefined : {type: 'jump', section: nav.section, entry};
		},
	};
	return {size, style, sections, titles, plan, header, layoutOf, helpLines: helpOf, env};
}
