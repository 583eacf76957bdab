// The home screen as the app first draws it, composed without React or Ink: the bin paints this
// while the Ink app is still being compiled, and the app's own first frame then lands on an
// identical screen. Built from the same document model and the same line functions as the
// components; test/view/home-screen.test.tsx checks it cell by cell against the App's first frame.
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import {footerLine, gutter, menuRows, paneTitle, planFor, ruleLine, scrollIndicator, titleLine, tooSmallLine} from './lines.js';
import {contextsOf, initialUi, type ControllerEnv} from '../model/controller.js';
import type {Resume} from '../data/schema.js';
import {headerLines} from '../document/header.js';
import {layoutSection, type Style} from '../document/layout.js';
import {buildSections} from '../document/sections.js';
import {hints} from '../model/keymap.js';
import {initialNavState} from '../model/navigation.js';
import type {Size} from './screen-plan.js';

/** What Ink draws for `<Text wrap="truncate-end">` in a box `width` wide: the text, cut with "…" if wider. */
function truncateEnd(text: string, width: number): string {
	return stringWidth(text) > width ? cliTruncate(text, width, {position: 'end'}) : text;
}

/** The text cut to `width` columns, then padded with spaces to exactly `width`. */
function cell(text: string, width: number): string {
	const fitted = truncateEnd(text, width);
	return fitted + ' '.repeat(Math.max(0, width - stringWidth(fitted)));
}

/** The rows of the home screen at this size, joined by newlines, as Ink's frames are. */
export function homeScreen(resume: Resume, size: Size, style: Style): string {
	const {theme} = style;
	const sections = buildSections(resume);
	const titles = sections.map((section) => section.title);
	// Laid out once, for the plan (its height) and for the screen.
	let header: readonly string[] = [];
	const plan = planFor(resume, titles, size, style, (width, isCompact) => (header = headerLines(resume, width, style, isCompact)));
	if (plan.kind === 'too-small') {
		return truncateEnd(tooSmallLine(size.columns, theme), size.columns);
	}

	const ui = initialUi(initialNavState);
	const {nav} = ui;
	const section = sections[nav.section];
	const layout = section ? layoutSection(section, Math.max(1, plan.textWidth), style, {expanded: nav.expanded, showExpanders: true}) : {lines: [], entries: []};
	const env: ControllerEnv = {
		sections,
		geometry: {sectionCount: sections.length, height: plan.viewportHeight, helpLineCount: 0, expandableKeys: [], measure: () => ({entries: [], lineCount: 0})},
		entryAt: (_section, _expanded, index) => layout.entries[index],
	};

	const pane = [
		titleLine(
			paneTitle({
				name: section?.title ?? '',
				position: nav.section,
				sectionCount: sections.length,
				count: undefined,
				isCompactMenu: plan.isCompactMenu,
				isMenuFocused: nav.focus === 'menu',
				isHelpOpen: false,
				theme,
			}),
			scrollIndicator(nav.scroll, plan.viewportHeight, layout.lines.length, theme),
			plan.paneWidth,
		),
		// Focus starts in the menu, so no pane line has the cursor.
		...layout.lines.slice(nav.scroll, nav.scroll + plan.viewportHeight).map((line) => gutter(false, false, theme) + line.text),
	];
	const menu = plan.isCompactMenu
		? []
		: menuRows({titles, selected: nav.section, isFocused: nav.focus === 'menu', width: plan.menuWidth, height: plan.bodyHeight, theme});
	const body = Array.from({length: plan.bodyHeight}, (_, row) => {
		const right = truncateEnd(pane[row] ?? '', plan.paneWidth);
		return plan.isCompactMenu ? right : cell(menu[row] ?? '', plan.menuWidth) + right;
	});
	const footer = footerLine({hints: hints(contextsOf(ui, env)), pendingKeys: '', width: size.columns, theme});
	return [...header, ruleLine(size.columns, theme), ...body, footer]
		.map((row) => truncateEnd(row, size.columns))
		.join('\n');
}
