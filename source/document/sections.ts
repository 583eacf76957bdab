// Derives the sections from the data: a section with nothing in it is not shown.
import type {Resume} from '../data/schema.js';
import {formatDate, formatRange, joinParts, mailtoHref, safeHref, telHref} from './format.js';
import type {Entry, Paragraph, Section, SectionId, Span} from './model.js';

const line = (...spans: Array<Span | undefined | false>): Paragraph => ({
	spans: spans.filter((span): span is Span => Boolean(span) && (span as Span).text !== ''),
});
const bullets = (items: readonly string[] | undefined): Paragraph[] =>
	(items ?? []).filter((item) => item.trim() !== '').map((item) => ({spans: [{text: item}], bullet: '• ', indent: 2}));
const muted = (text: string): Span => ({text, tone: 'muted'});
const heading = (text: string | undefined): Span | undefined => (text ? {text, tone: 'heading'} : undefined);
const linkSpan = (text: string | undefined, url?: string): Span | undefined => {
	if (!text) {
		return undefined;
	}

	const href = safeHref(url ?? text);
	return href ? {text, tone: 'link', href} : {text};
};

const nonEmpty = (paragraphs: Paragraph[]): Paragraph[] => paragraphs.filter((paragraph) => paragraph.spans.length > 0);
const entry = (key: string, paragraphs: Paragraph[], extra: Partial<Entry> = {}): Entry => ({
	key,
	paragraphs: nonEmpty(paragraphs),
	...extra,
});
const text = (value: string | undefined): Paragraph[] =>
	(value ?? '').split(/\n+/).filter((part) => part.trim() !== '').map((part) => line({text: part}));

function about(resume: Resume): Entry[] {
	return resume.basics?.summary?.trim() ? [entry('summary', text(resume.basics.summary))] : [];
}

function experience(resume: Resume): Entry[] {
	return (resume.work ?? []).map((job, index) =>
		entry(`work-${index}`, [
			line(heading(job.position ?? job.name), job.position && job.name ? {text: ` · ${job.name}`, tone: 'accent'} : undefined),
			line(muted(joinParts([formatRange(job.startDate, job.endDate), job.location]))),
			line(linkSpan(job.url)),
			...text(job.description).map((paragraph) => ({...paragraph, spans: paragraph.spans.map((span) => ({...span, tone: 'muted' as const}))})),
			...text(job.summary),
			...bullets(job.highlights),
		], {href: safeHref(job.url)}),
	);
}

function highlights(resume: Resume): Entry[] {
	return (resume['x-workHighlights'] ?? []).map((group, index) =>
		entry(`highlights-${index}`, [line(heading(group.employer)), ...bullets(group.highlights)]),
	);
}

function projects(resume: Resume): Entry[] {
	return (resume.projects ?? []).map((project, index) => ({
		...entry(`project-${index}`, [
			line(heading(project.name ?? 'Project')),
			line(muted(joinParts([project.entity, project['x-location'], formatRange(project.startDate, project.endDate), project.type]))),
			line(linkSpan(project.url)),
			...text(project.description),
		], {href: safeHref(project.url)}),
		details: nonEmpty([
			...bullets(project.highlights),
			line(project.roles?.length ? muted(`Roles: ${project.roles.join(', ')}`) : undefined),
			line(project.keywords?.length ? muted(`Keywords: ${project.keywords.join(', ')}`) : undefined),
		]),
	}));
}

function patents(resume: Resume): Entry[] {
	return (resume['x-patents'] ?? []).map((patent, index) =>
		entry(`patent-${index}`, [
			line(heading(patent.title)),
			line(muted(joinParts([patent.status === 'granted' ? 'Granted' : 'Filed', patent.number ? `No. ${patent.number}` : undefined]))),
			line(linkSpan(patent.url)),
		], {href: safeHref(patent.url)}),
	);
}

function education(resume: Resume): Entry[] {
	return (resume.education ?? []).map((school, index) =>
		entry(`education-${index}`, [
			line(heading(joinParts([school.studyType, school.area], ', '))),
			line({text: joinParts([school.institution, school['x-location']])}),
			line(muted(joinParts([formatRange(school.startDate, school.endDate), school.score ? `Score: ${school.score}` : undefined]))),
			line(linkSpan(school.url)),
			...(school.courses?.length ? [line(muted(`Courses: ${school.courses.join(', ')}`))] : []),
		], {href: safeHref(school.url)}),
	);
}

const named = (name: string | undefined, detail: string | undefined, keywords: readonly string[] | undefined): Paragraph =>
	line(heading(name), detail ? muted(`${name ? ' · ' : ''}${detail}`) : undefined, keywords?.length ? {text: `${name || detail ? ': ' : ''}${keywords.join(', ')}`} : undefined);

function skills(resume: Resume): Entry[] {
	return (resume.skills ?? []).map((skill, index) => entry(`skill-${index}`, [named(skill.name, skill.level, skill.keywords)]));
}

function volunteer(resume: Resume): Entry[] {
	return (resume.volunteer ?? []).map((item, index) =>
		entry(`volunteer-${index}`, [
			line(heading(item.position ?? item.organization), item.position && item.organization ? {text: ` · ${item.organization}`, tone: 'accent'} : undefined),
			line(muted(formatRange(item.startDate, item.endDate))),
			line(linkSpan(item.url)),
			...text(item.summary),
			...bullets(item.highlights),
		], {href: safeHref(item.url)}),
	);
}

function awards(resume: Resume): Entry[] {
	return (resume.awards ?? []).map((award, index) =>
		entry(`award-${index}`, [
			line(heading(award.title)),
			line(muted(joinParts([award.awarder, award.date ? formatDate(award.date) : undefined]))),
			...text(award.summary),
		]),
	);
}

function certificates(resume: Resume): Entry[] {
	return (resume.certificates ?? []).map((certificate, index) =>
		entry(`certificate-${index}`, [
			line(heading(certificate.name)),
			line(muted(joinParts([certificate.issuer, certificate.date ? formatDate(certificate.date) : undefined]))),
			line(linkSpan(certificate.url)),
		], {href: safeHref(certificate.url)}),
	);
}

function publications(resume: Resume): Entry[] {
	return (resume.publications ?? []).map((publication, index) =>
		entry(`publication-${index}`, [
			line(heading(publication.name)),
			line(muted(joinParts([publication.publisher, publication.releaseDate ? formatDate(publication.releaseDate) : undefined]))),
			line(linkSpan(publication.url)),
			...text(publication.summary),
		], {href: safeHref(publication.url)}),
	);
}

function languages(resume: Resume): Entry[] {
	return (resume.languages ?? []).map((language, index) => entry(`language-${index}`, [named(language.language, language.fluency, undefined)]));
}

function interests(resume: Resume): Entry[] {
	return (resume.interests ?? []).map((interest, index) => entry(`interest-${index}`, [named(interest.name, undefined, interest.keywords)]));
}

function references(resume: Resume): Entry[] {
	return (resume.references ?? []).map((reference, index) =>
		entry(`reference-${index}`, [...text(reference.reference), line(reference.name ? muted(`— ${reference.name}`) : undefined)]),
	);
}

function contactEntry(key: string, label: string, value: string | undefined, href: string | undefined): Entry[] {
	if (!value) {
		return [];
	}

	return [entry(key, [line({text: `${label.padEnd(8)} `, tone: 'muted'}, href ? {text: value, tone: 'link', href} : {text: value})], {href})];
}

function contact(resume: Resume): Entry[] {
	const basics = resume.basics ?? {};
	const location = basics.location;
	return [
		...contactEntry('email', 'Email', basics.email, mailtoHref(basics.email)),
		...contactEntry('phone', 'Phone', basics.phone, telHref(basics.phone)),
		...contactEntry('website', 'Website', basics.url, safeHref(basics.url)),
		...(basics.profiles ?? []).flatMap((profile, index) =>
			contactEntry(`profile-${index}`, profile.network ?? 'Profile', profile.url || profile.username, safeHref(profile.url)),
		),
		...contactEntry('location', 'Location', joinParts([location?.address, location?.postalCode, location?.city, location?.region, location?.countryCode], ', '), undefined),
	];
}

const builders: ReadonlyArray<readonly [SectionId, string, (resume: Resume) => Entry[]]> = [
	['about', 'About', about],
	['experience', 'Experience', experience],
	['highlights', 'Work highlights', highlights],
	['projects', 'Projects', projects],
	['patents', 'Patents', patents],
	['education', 'Education', education],
	['skills', 'Skills', skills],
	['volunteer', 'Volunteer', volunteer],
	['awards', 'Awards', awards],
	['certificates', 'Certificates', certificates],
	['publications', 'Publications', publications],
	['languages', 'Languages', languages],
	['interests', 'Interests', interests],
	['references', 'References', references],
	['contact', 'Contact', contact],
];

/** The résumé's sections in display order; empty ones are left out. */
export function buildSections(resume: Resume): Section[] {
	return builders
		.map(([id, title, build]) => ({id, title, entries: build(resume).filter((item) => item.paragraphs.length > 0 || (item.details?.length ?? 0) > 0)}))
		.filter((section) => section.entries.length > 0);
}
