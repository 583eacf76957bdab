// The header's lines: name and label, location, and one contact line of links.
import type {Resume} from '../data/schema.js';
import {joinParts, mailtoHref, safeHref, telHref} from './format.js';
import {wrapParagraph, type Style} from './layout.js';
import type {Paragraph, Span} from './model.js';

export function contactSpans(resume: Resume): Span[] {
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
	return links.flatMap((span, index) => (index === 0 ? [span] : [{text: ' · ', tone: 'muted' as const}, span]));
}

export function locationText(resume: Resume): string {
	const location = resume.basics?.location;
	return joinParts([location?.city, location?.region, location?.countryCode], ', ');
}

/** The header's paragraphs; `isCompact` keeps it to one line for short terminals. */
export function headerParagraphs(resume: Resume, isCompact: boolean): Paragraph[] {
	const basics = resume.basics ?? {};
	const title: Span[] = [
		{text: basics.name ?? '', tone: 'heading' as const},
		...(basics.label ? [{text: `${basics.name ? ' · ' : ''}${basics.label}`, tone: 'accent' as const}] : []),
	].filter((span) => span.text !== '');
	if (isCompact) {
		const location = locationText(resume);
		return [{spans: [...title, ...(location ? [{text: ` · ${location}`, tone: 'muted' as const}] : [])]}];
	}

	const paragraphs: Paragraph[] = [{spans: title}, {spans: [{text: locationText(resume), tone: 'muted'}]}, {spans: contactSpans(resume)}];
	return paragraphs.filter(
		(paragraph) => paragraph.spans.some((span) => span.text !== ''),
	);
}

export function headerLines(resume: Resume, width: number, style: Style, isCompact: boolean): string[] {
	return headerParagraphs(resume, isCompact).flatMap((paragraph) => wrapParagraph(paragraph, width, style));
}
