// The résumé's shape: JSON Resume 1.0.0 plus this project's documented `x-` extensions
// (see data/README.md). Everything downstream of the loader trusts these types.
import * as z from 'zod';

const isoDate = z
	.string({error: 'expected a date string'})
	.regex(/^[12]\d{3}(?:-[01]\d(?:-[0-3]\d)?)?$/, {error: 'expected YYYY, YYYY-MM or YYYY-MM-DD'});
const describe = (input: unknown): string =>
	input === null ? 'null' : Array.isArray(input) ? 'a list' : typeof input;
const text = z.string({error: (issue) => `expected a string, got ${describe(issue.input)}`});
const texts = z.array(text, {error: 'expected a list of strings'});

const location = z.looseObject({
	address: text.optional(),
	postalCode: text.optional(),
	city: text.optional(),
	countryCode: text.optional(),
	region: text.optional(),
});

const profile = z.looseObject({
	network: text.optional(),
	username: text.optional(),
	url: text.optional(),
});

const basics = z.looseObject({
	name: text.optional(),
	label: text.optional(),
	image: text.optional(),
	email: text.optional(),
	phone: text.optional(),
	url: text.optional(),
	summary: text.optional(),
	location: location.optional(),
	profiles: z.array(profile).optional(),
});

const dated = {startDate: isoDate.optional(), endDate: isoDate.optional()};

const work = z.looseObject({
	name: text.optional(),
	location: text.optional(),
	description: text.optional(),
	position: text.optional(),
	url: text.optional(),
	...dated,
	summary: text.optional(),
	highlights: texts.optional(),
});

const volunteer = z.looseObject({
	organization: text.optional(),
	position: text.optional(),
	url: text.optional(),
	...dated,
	summary: text.optional(),
	highlights: texts.optional(),
});

const education = z.looseObject({
	institution: text.optional(),
	url: text.optional(),
	area: text.optional(),
	studyType: text.optional(),
	...dated,
	score: text.optional(),
	courses: texts.optional(),
	'x-location': text.optional(),
});

const award = z.looseObject({
	title: text.optional(),
	date: isoDate.optional(),
	awarder: text.optional(),
	summary: text.optional(),
});

const certificate = z.looseObject({
	name: text.optional(),
	date: isoDate.optional(),
	url: text.optional(),
	issuer: text.optional(),
});

const publication = z.looseObject({
	name: text.optional(),
	publisher: text.optional(),
	releaseDate: isoDate.optional(),
	url: text.optional(),
	summary: text.optional(),
});

const skill = z.looseObject({
	name: text.optional(),
	level: text.optional(),
	keywords: texts.optional(),
});

const language = z.looseObject({
	language: text.optional(),
	fluency: text.optional(),
});

const interest = z.looseObject({
	name: text.optional(),
	keywords: texts.optional(),
});

const reference = z.looseObject({
	name: text.optional(),
	reference: text.optional(),
});

const project = z.looseObject({
	name: text.optional(),
	description: text.optional(),
	highlights: texts.optional(),
	keywords: texts.optional(),
	...dated,
	url: text.optional(),
	roles: texts.optional(),
	entity: text.optional(),
	type: text.optional(),
	'x-location': text.optional(),
});

const workHighlight = z.object({
	employer: text,
	highlights: texts,
});

const patent = z.object({
	status: z.enum(['granted', 'filed'], {error: 'expected "granted" or "filed"'}),
	title: text,
	number: text.optional(),
	url: text.optional(),
});

export const resumeSchema = z.looseObject({
	$schema: text.optional(),
	basics: basics.optional(),
	work: z.array(work).optional(),
	volunteer: z.array(volunteer).optional(),
	education: z.array(education).optional(),
	awards: z.array(award).optional(),
	certificates: z.array(certificate).optional(),
	publications: z.array(publication).optional(),
	skills: z.array(skill).optional(),
	languages: z.array(language).optional(),
	interests: z.array(interest).optional(),
	references: z.array(reference).optional(),
	projects: z.array(project).optional(),
	'x-workHighlights': z.array(workHighlight).optional(),
	'x-patents': z.array(patent).optional(),
});

export type Resume = z.infer<typeof resumeSchema>;
export type Basics = z.infer<typeof basics>;
export type Work = z.infer<typeof work>;
export type Project = z.infer<typeof project>;
export type Education = z.infer<typeof education>;
export type Patent = z.infer<typeof patent>;
