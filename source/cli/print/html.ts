// The résumé as one HTML page: headings, lists and links drawn from the same document model as the
// TUI, for browsers without JavaScript, phones, crawlers, screen readers and printers. Styled for
// print: two A4 pages. Never loads Ink.
import type {Resume} from '../../data/schema.js';
import {headerParagraphs} from '../../document/header.js';
import type {Entry, Paragraph, SectionId, Span} from '../../document/model.js';
import {buildSections} from '../../document/sections.js';

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The page's own styles: readable on any screen, compact on paper. */
export const resumeStyles =
	'body{margin:0 auto;max-width:46rem;padding:1rem;font:16px/1.45 system-ui,sans-serif;color:#111;background:#fff}' +
	'a{color:#0645ad}h1{margin:0;font-size:1.6rem}h2{margin:1.4rem 0 .4rem;font-size:1.15rem;border-bottom:1px solid #ccc}' +
	'h3{margin:.8rem 0 0;font-size:1rem}p{margin:.2rem 0}ul{margin:.2rem 0;padding-left:1.2rem}small{font-size:inherit;color:#555}' +
	'@media print{@page{size:A4;margin:11mm 12mm}body{max-width:none;padding:0;font-size:8.4pt;line-height:1.28}' +
	'h1{font-size:14pt}h2{margin:.5rem 0 .15rem;font-size:10pt}h3{margin:.3rem 0 0;font-size:inherit}' +
	'h3,h3+p{display:inline}h3+p:before{content:" · "}ul{margin:0}a{color:inherit;text-decoration:none}#contact{display:none}}';

function inline(span: Span): string {
	const text = escapeHtml(span.text);
	if (span.href) {
		return `<a href="${escapeHtml(span.href)}">${text}</a>`;
	}

	return span.tone === 'muted' && text.trim() !== '' ? `<small>${text}</small>` : text;
}

const spans = (paragraph: Paragraph): string => paragraph.spans.map((span) => inline(span)).join('').replace(/\n/g, ' ');

function entryHtml(entry: Entry): string {
	const [first, ...rest] = [...entry.paragraphs, ...(entry.details ?? [])];
	if (!first) {
		return '';
	}

	const isTitle = rest.length > 0 && first.spans[0]?.tone === 'heading';
	const parts = [isTitle ? `<h3>${escapeHtml(first.spans.map((span) => span.text).join(''))}</h3>` : `<p>${spans(first)}</p>`];
	let list = '';
	for (const paragraph of rest) {
		if (paragraph.bullet === undefined) {
			parts.push(`${list && `<ul>${list}</ul>`}<p>${spans(paragraph)}</p>`);
			list = '';
		} else {
			list += `<li>${spans(paragraph)}</li>`;
		}
	}

	const html = parts.join('') + (list && `<ul>${list}</ul>`);
	return isTitle ? `<article>${html}</article>` : html;
}

export type HtmlOptions = {
	/** Print only this section, without the header. */
	readonly section?: SectionId;
	/** More of the page's head: for the web page, its script and the terminal's stylesheet. */
	readonly head?: string;
	/** More of the page's body, after the résumé. */
	readonly body?: string;
};

export function renderHtml(resume: Resume, {section, head = '', body = ''}: HtmlOptions = {}): string {
	const basics = resume.basics ?? {};
	const blocks: string[] = [];
	if (section === undefined) {
		const [title, ...rest] = headerParagraphs(resume, false);
		blocks.push(`<header><h1>${title ? spans(title) : ''}</h1>${rest.map((paragraph) => `<p>${spans(paragraph)}</p>`).join('')}</header>`);
	}

	for (const item of buildSections(resume).filter((candidate) => section === undefined || candidate.id === section)) {
		// Entries of one paragraph each (skills, contact) read as a list.
		const isList = item.id !== 'about' && item.entries.every((entry) => entry.paragraphs.length === 1 && !entry.details?.length);
		const content = isList
			? `<ul>${item.entries.map((entry) => `<li>${entry.paragraphs[0] ? spans(entry.paragraphs[0]) : ''}</li>`).join('')}</ul>`
			: item.entries.map((entry) => entryHtml(entry)).join('');
		blocks.push(`<section id="${item.id}"><h2>${escapeHtml(item.title)}</h2>${content}</section>`);
	}

	const title = escapeHtml([basics.name, basics.label].filter(Boolean).join(' · ') || 'Résumé');
	const description = basics.summary ? `<meta name="description" content="${escapeHtml(basics.summary)}">` : '';
	return (
		`<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
		`<title>${title}</title>${description}<style>${resumeStyles}</style>${head}</head>\n` +
		`<body><main id="resume">\n${blocks.join('\n')}\n</main>${body}</body></html>\n`
	);
}
