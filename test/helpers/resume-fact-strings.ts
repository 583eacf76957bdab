// Every fact of the hand-written list (test/data/resume-facts.ts) as the text a reader sees:
// what a printed page, a PDF or a page's DOM must each contain.
import {basicsFacts, educationFacts, jobFacts, patentFacts, projectFacts, skillFacts, workHighlightFacts, type DateRange} from '../data/resume-facts.js';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2019-06" → "Jun 2019", "2011" → "2011". */
const shown = (date: string): string => {
	const [year = '', month] = date.split('-');
	return month === undefined ? year : `${months[Number(month) - 1] ?? ''} ${year}`;
};

const range = (fact: DateRange): string => `${shown(fact.start)} – ${fact.end === null ? 'Present' : shown(fact.end)}`;

export function factStrings(): string[] {
	return [
		basicsFacts.name,
		basicsFacts.label,
		basicsFacts.summary,
		basicsFacts.email,
		basicsFacts.phone,
		basicsFacts.city,
		basicsFacts.printedGithub,
		basicsFacts.printedWebsite,
		...jobFacts.flatMap((job) => [job.position, job.employer, job.city, range(job), ...job.highlights]),
		...workHighlightFacts.flatMap((group) => [group.employer, ...group.highlights]),
		...projectFacts.flatMap((project) => [project.title, project.employer, project.city, range(project), ...project.highlights]),
		...patentFacts.flatMap((patent) => [patent.title, ...(patent.number ? [patent.number] : [])]),
		...educationFacts.flatMap((school) => [school.studyType, ...(school.area ? [school.area] : []), school.institution, school.city, school.score, range(school)]),
		...skillFacts,
	];
}

/** Whitespace of any kind (a wrapped line, a page break) as one space. */
export const collapse = (text: string): string => text.replace(/\s+/g, ' ');

/** The facts not found in `text`, whitespace collapsed on both sides. */
export function missingFacts(text: string): string[] {
	const flat = collapse(text);
	return factStrings().filter((fact) => !flat.includes(collapse(fact)));
}
