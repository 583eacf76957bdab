// The résumé's shape: JSON Resume 1.0.0 plus this project's documented `x-` extensions
// (see data/README.md). Everything downstream of the loader trusts these types.
import * as z from 'zod/mini';

const isoDate = z
	.string({error: 'expected a date string'})
	.check(z.regex(/^[12]\d{3}(?:-[01]\d(?:-[0-3]\d)?)?$/, {error: 'expected YYYY, YYYY-MM or YYYY-MM-DD'}));
const describe = (input: unknown): string =>
	input === null ? 'null' : Array.isArray(input) ? 'a list' : typeof input;
const text = z.string({error: (issue) => `expected a string, got ${describe(issue.input)}`});
const texts = z.array(text, {error: 'expected a list of strings'});

const location = z.looseObject({
	address: z.optional(text),
	postalCode: z.optional(text),
	city: z.optional(text),
	countryCode: z.optional(text),
	region: z.optional(text),
});

const profile = z.looseObject({
	network: z.optional(text),
	username: z.optional(text),
	url: z.optional(text),
});

const basics = z.looseObject({
	name: z.optional(text),
	label: z.optional(text),
	image: z.optional(text),
	email: z.optional(text),
	phone: z.optional(text),
	url: z.optional(text),
	summary: z.optional(text),
	location: z.optional(location),
	profiles: z.optional(z.array(profile)),
});

const dated = {startDate: z.optional(isoDate), endDate: z.optional(isoDate)};

const work = z.looseObject({
	name: z.optional(text),
	location: z.optional(text),
	description: z.optional(text),
	position: z.optional(text),
	url: z.optional(text),
	...dated,
	summary: z.optional(text),
	highlights: z.optional(texts),
});

const volunteer = z.looseObject({
	organization: z.optional(text),
	position: z.optional(text),
	url: z.optional(text),
	...dated,
	summary: z.optional(text),
	highlights: z.optional(texts),
});

const education = z.looseObject({
	institution: z.optional(text),
	url: z.optional(text),
	area: z.optional(text),
	studyType: z.optional(text),
	...dated,
	score: z.optional(text),
	courses: z.optional(texts),
	'x-location': z.optional(text),
});

const award = z.looseObject({
	title: z.optional(text),
	date: z.optional(isoDate),
	awarder: z.optional(text),
	summary: z.optional(text),
});

const certificate = z.looseObject({
	name: z.optional(text),
	date: z.optional(isoDate),
	url: z.optional(text),
	issuer: z.optional(text),
});

const publication = z.looseObject({
	name: z.optional(text),
	publisher: z.optional(text),
	releaseDate: z.optional(isoDate),
	url: z.optional(text),
	summary: z.optional(text),
});

const skill = z.looseObject({
	name: z.optional(text),
	level: z.optional(text),
	keywords: z.optional(texts),
});

const language = z.looseObject({
	language: z.optional(text),
	fluency: z.optional(text),
});

const interest = z.looseObject({
	name: z.optional(text),
	keywords: z.optional(texts),
});

const reference = z.looseObject({
	name: z.optional(text),
	reference: z.optional(text),
});

const project = z.looseObject({
	name: z.optional(text),
	description: z.optional(text),
	highlights: z.optional(texts),
	keywords: z.optional(texts),
	...dated,
	url: z.optional(text),
	roles: z.optional(texts),
	entity: z.optional(text),
	type: z.optional(text),
	'x-location': z.optional(text),
});

const workHighlight = z.object({
	employer: text,
	highlights: texts,
});

const patent = z.object({
	status: z.enum(['granted', 'filed'], {error: 'expected "granted" or "filed"'}),
	title: text,
	number: z.optional(text),
	url: z.optional(text),
});

export const resumeSchema = z.looseObject({
	$schema: z.optional(text),
	basics: z.optional(basics),
	work: z.optional(z.array(work)),
	volunteer: z.optional(z.array(volunteer)),
	education: z.optional(z.array(education)),
	awards: z.optional(z.array(award)),
	certificates: z.optional(z.array(certificate)),
	publications: z.optional(z.array(publication)),
	skills: z.optional(z.array(skill)),
	languages: z.optional(z.array(language)),
	interests: z.optional(z.array(interest)),
	references: z.optional(z.array(reference)),
	projects: z.optional(z.array(project)),
	'x-workHighlights': z.optional(z.array(workHighlight)),
	'x-patents': z.optional(z.array(patent)),
});

export type Resume = z.infer<typeof resumeSchema>;
export type Basics = z.infer<typeof basics>;
export type Work = z.infer<typeof work>;
export type Project = z.infer<typeof project>;
export type Education = z.infer<typeof education>;
export type Patent = z.infer<typeof patent>;
