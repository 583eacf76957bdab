// The résumé as plain text: no escape codes, every line at most `width` columns, every project
// expanded. Loads no Ink, so printing stays fast.
import type {Resume} from '../../data/schema.js';
import {headerLines} from '../../document/header.js';
import {layoutSection} from '../../document/layout.js';
import type {SectionId} from '../../document/model.js';
import {buildSections} from '../../document/sections.js';
import {createTheme, type Style} from '../../view/theme.js';

const plain: Style = {theme: createTheme('mono', 0), hasHyperlinks: false};

export type TextOptions = {
	readonly width: number;
	/** Print only this section, without the header. */
	readonly section?: SectionId;
	/** Colours for FORCE_COLOR; plain by default. */
	readonly style?: Style;
};

export function renderText(resume: Resume, {width, section, style = plain}: TextOptions): string {
	const columns = Math.max(20, width);
	const sections = buildSections(resume).filter((item) => section === undefined || item.id === section);
	const blocks = sections.map((item) => {
		const layout = layoutSection(item, columns, style, {expanded: 'all', showExpanders: false});
		const title = item.title.toUpperCase();
		return [style.theme.heading(title), style.theme.muted('-'.repeat(title.length)), ...layout.lines.map((line) => line.text)].join('\n');
	});
	const header = section === undefined ? [headerLines(resume, columns, style, false).join('\n')] : [];
	return `${[...header, ...blocks].map((block) => block.replace(/[ \t]+$/gm, '')).join('\n\n')}\n`;
}
