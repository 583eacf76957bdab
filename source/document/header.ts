// The header's lines: name and label, location, and one contact line of links.
import stringWidth from 'string-width';
import type {Resume} from '../data/schema.js';
import {joinParts, mailtoHref, safeHref, telHref} from './format.js';
import {wrapParagraph} from './layout.js';
import type {Paragraph, Span} from './model.js';
import type {Style} from '../view/theme.js';

/** The contact links, one span each. */
export function contactLinks(resume: Resume): Span[] {
	const basics = resume.basics ?? {};
	const links: Span[] = [];
	const add = (text: string | undefined, href: string | undefined): void => {
		if (text) {
			links.push(href ? {text, tone: 'link', href} : {text});
		}
	};

	add(basics.email, mailtoHref(basics.email));
	add(basics.phone, telHref(basics.phone));
	for (const profile of basics.profiles ?? []) {
		add(profile.url || (profile.username ? `${profile.network ?? ''} ${profile.username}`.trim() : undefined), safeHref(profile.url));
	}

	add(basics.url, safeHref(basics.url));
	return links;
}

const separator: Span = {text: ' · ', tone: 'muted'};

/** Packs the contact links into lines of at most `width` columns, breaking only between links. */
function packLinks(links: readonly Span[], width: number): Paragraph[] {
	const paragraphs: Paragraph[] = [];
	let spans: Span[] = [];
	let used = 0;
	for (const link of links) {
		const size = stringWidth(link.text);
		if (spans.length > 0 && used + 3 + size > width) {
			paragraphs.push({spans});
			spans = [];
			used = 0;
		}

		spans = spans.length === 0 ? [link] : [...spans, separator, link];
		used += (used === 0 ? 0 : 3) + size;
	}

	return spans.length > 0 ? [...paragraphs, {spans}] : paragraphs;
}

export function locationText(resume: Resume): string {
	const location = resume.basics?.location;
	return joinParts([location?.city, location?.region, location?.countryCode], ', ');
}

/** The header's paragraphs; `isCompact` keeps it to one line for short terminals. */
export function headerParagraphs(resume: Resume, isCompact: boolean, width = Number.POSITIVE_INFINITY): Paragraph[] {
	const basics = resume.basics ?? {};
	const title: Span[] = [
		{text: basics.name ?? '', tone: 'heading' as const},
		...(basics.label ? [{text: `${basics.name ? ' · ' : ''}${basics.label}`, tone: 'accent' as const}] : []),
	].filter((span) => span.text !== '');
	if (isCompact) {
		const location = locationText(resume);
		const titleWidth = stringWidth(title.map((span) => span.text).join(''));
		if (location === '' || title.length === 0) {
			return [{spans: [...title, ...(location ? [{text: location, tone: 'muted' as const}] : [])]}];
		}

		// Where the location does not fit beside the title it goes on a line of its own, with no
		// separator left dangling at the end of the first.
		return titleWidth + 3 + stringWidth(location) <= width
			? [{spans: [...title, {text: ` · ${location}`, tone: 'muted'}]}]
			: [{spans: title}, {spans: [{text: location, tone: 'muted'}]}];
	}

	const paragraphs: Paragraph[] = [{spans: title}, {spans: [{text: locationText(resume), tone: 'muted'}]}, ...packLinks(contactLinks(resume), width)];
	return paragraphs.filter(
		(paragraph) => paragraph.spans.some((span) => span.text !== ''),
	);
}

export function headerLines(resume: Resume, width: number, style: Style, isCompact: boolean): string[] {
	return headerParagraphs(resume, isCompact, width).flatMap((paragraph) => wrapParagraph(paragraph, width, style));
}
