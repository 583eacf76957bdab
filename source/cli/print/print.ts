// Printed output in every format. Never loads Ink.
import type {Resume} from '../../data/schema.js';
import type {SectionId} from '../../document/model.js';
import {createTheme} from '../../view/theme.js';
import {renderHtml} from './html.js';
import {renderMarkdown} from './markdown.js';
import {renderText} from './text.js';

export const formats = ['text', 'markdown', 'json', 'html'] as const;
export type Format = (typeof formats)[number];

/** The JSON Resume key each section is drawn from. */
const jsonKeys: Record<SectionId, string> = {
	about: 'basics',
	contact: 'basics',
	experience: 'work',
	highlights: 'x-workHighlights',
	projects: 'projects',
	patents: 'x-patents',
	education: 'education',
	skills: 'skills',
	volunteer: 'volunteer',
	awards: 'awards',
	certificates: 'certificates',
	publications: 'publications',
	languages: 'languages',
	interests: 'interests',
	references: 'references',
};

export type PrintOptions = {
	readonly format: Format;
	readonly width: number;
	readonly section?: SectionId;
	/** Colour for text output; 0 (the default when piped) prints no escape codes at all. */
	readonly colorLevel?: 0 | 1 | 2 | 3;
};

export function printResume(resume: Resume, options: PrintOptions): string {
	switch (options.format) {
		case 'json': {
			const value = options.section === undefined ? resume : {[jsonKeys[options.section]]: resume[jsonKeys[options.section]]};
			return `${JSON.stringify(value, null, '\t')}\n`;
		}

		case 'markdown': {
			return renderMarkdown(resume, {section: options.section});
		}

		case 'html': {
			return renderHtml(resume, {section: options.section});
		}

		default: {
			const level = options.colorLevel ?? 0;
			return renderText(resume, {
				width: options.width,
				section: options.section,
				style: level > 0 ? {theme: createTheme('dark', level), hasHyperlinks: false} : undefined,
			});
		}
	}
}
