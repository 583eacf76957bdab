// The résumé as GitHub-flavoured Markdown, drawn from the same document model as the TUI.
import type {Resume} from '../../data/schema.js';
import {headerParagraphs} from '../../document/header.js';
import type {Entry, Paragraph, SectionId, Span} from '../../document/model.js';
import {buildSections} from '../../document/sections.js';

/** Escapes the characters Markdown would read as markup. */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/[\\`*_[\]<>|~]/g, '\\$&')
		.replace(/^(\s*)([-=+#])/u, '$1\\$2')
		.replace(/^(\d+)([.)])/u, '$1\\$2');
}

function inline(span: Span): string {
	const text = escapeMarkdown(span.text);
	if (span.href) {
		return `[${text}](<${span.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
	}

	if (text.trim() === '') {
		return text;
	}

	const [, lead = '', body = '', trail = ''] = /^(\s*)(.*?)(\s*)$/su.exec(text) ?? [];
	switch (span.tone) {
		case 'heading': {
			return `${lead}**${body}**${trail}`;
		}

		case 'muted': {
			return `${lead}*${body}*${trail}`;
		}

		default: {
			return text;
		}
	}
}

const paragraphText = (paragraph: Paragraph, plainHeading = false): string =>
	paragraph.spans.map((span) => inline(plainHeading && span.tone === 'heading' ? {...span, tone: 'text'} : span)).join('').replace(/\n/g, ' ');

function entryMarkdown(entry: Entry, isProse: boolean): string {
	const paragraphs = [...entry.paragraphs, ...(entry.details ?? [])];
	const [first, ...rest] = paragraphs;
	if (!first) {
		return '';
	}

	if (rest.length === 0) {
		return isProse ? paragraphText(first) : `- ${paragraphText(first)}`;
	}

	const isTitle = first.spans[0]?.tone === 'heading';
	const lines = [isTitle ? `### ${paragraphText(first, true)}` : paragraphText(first), ''];
	let wasBullet = false;
	for (const paragraph of rest) {
		const isBullet = paragraph.bullet !== undefined;
		if (!isBullet && wasBullet) {
			lines.push('');
		}

		lines.push(isBullet ? `- ${paragraphText(paragraph)}` : `${paragraphText(paragraph)}  `);
		wasBullet = isBullet;
	}

	return lines.join('\n').replace(/ {2}$/u, '');
}

export type MarkdownOptions = {
	/** Print only this section, without the header. */
	readonly section?: SectionId;
};

export function renderMarkdown(resume: Resume, {section}: MarkdownOptions = {}): string {
	const sections = buildSections(resume).filter((item) => section === undefined || item.id === section);
	const blocks: string[] = [];
	if (section === undefined) {
		const [title, ...rest] = headerParagraphs(resume, false);
		if (title) {
			blocks.push(`# ${paragraphText(title, true)}`);
		}

		if (rest.length > 0) {
			blocks.push(rest.map((paragraph) => paragraphText(paragraph)).join('  \n'));
		}
	}

	for (const item of sections) {
		const isProse = item.id === 'about';
		const entries = item.entries.map((entry) => entryMarkdown(entry, isProse));
		const isList = entries.every((entry) => entry.startsWith('- ') && !entry.includes('\n'));
		blocks.push(`## ${escapeMarkdown(item.title)}`, entries.join(isList ? '\n' : '\n\n'));
	}

	return `${blocks.join('\n\n')}\n`;
}
