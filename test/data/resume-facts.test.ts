// Every fact of the printed résumé (test/data/resume-facts.ts, written by hand) must be in
// data/resume.json exactly as loaded by the app, and nothing else may be.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {loadResumeFile} from '../../source/data/load.js';
import {
	basicsFacts,
	educationFacts,
	jobFacts,
	patentFacts,
	projectFacts,
	skillFacts,
	workHighlightFacts,
	type DateRange,
} from './resume-facts.js';

type Resume = Extract<ReturnType<typeof loadResumeFile>, {ok: true}>['resume'];

const resumePath = fileURLToPath(new URL('../../data/resume.json', import.meta.url));
const loaded = loadResumeFile(resumePath);
const resume: Resume = loaded.ok ? loaded.resume : {};

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2019 Jun" → "2019-06", "2011" → "2011", "Now" stays "Now". */
function readPrintedDate(printed: string): string {
	if (printed === 'Now') {
		return printed;
	}

	const [year, month] = printed.split(' ');
	if (month === undefined) {
		return year ?? '';
	}

	return `${year}-${String(months.indexOf(month) + 1).padStart(2, '0')}`;
}

/** The PDF prints ranges newest first: "END | START". */
function readPrintedRange(fact: DateRange): {start: string; end: string} {
	const [end = '', start = ''] = fact.printed.split(' | ');
	return {start: readPrintedDate(start), end: readPrintedDate(end)};
}

const hpeJob = jobFacts.find((job) => job.employer === 'Hewlett Packard Enterprise');

describe('data/resume.json holds every fact of the printed résumé', () => {
	it('loads through the app loader', () => {
		expect(loaded.ok ? '' : loaded.error).toBe('');
	});

	it('has only the documented top-level sections', () => {
		expect(Object.keys(resume).sort()).toEqual(
			['$schema', 'basics', 'work', 'x-workHighlights', 'projects', 'x-patents', 'education', 'skills'].sort(),
		);
		expect(resume.$schema).toBe('https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json');
	});

	it('has the basics: name, label, summary, email, phone, city, GitHub and website', () => {
		expect(resume.basics).toEqual({
			name: basicsFacts.name,
			label: basicsFacts.label,
			email: basicsFacts.email,
			phone: basicsFacts.phone,
			url: basicsFacts.websiteUrl,
			summary: basicsFacts.summary,
			location: {city: basicsFacts.city},
			profiles: [{network: 'GitHub', username: basicsFacts.githubUsername, url: basicsFacts.githubUrl}],
		});
		expect(basicsFacts.websiteUrl).toBe(`https://${basicsFacts.printedWebsite}`);
		expect(basicsFacts.githubUrl).toBe(`https://${basicsFacts.printedGithub}`);
	});

	describe('hand-written dates agree with the printed ranges', () => {
		it('jobs and education read "END | START", "Now" as Present', () => {
			for (const fact of [...jobFacts, ...educationFacts]) {
				const printed = readPrintedRange(fact);
				expect({start: fact.start, end: fact.end}, fact.printed).toEqual({
					start: printed.start,
					end: printed.end === 'Now' ? null : printed.end,
				});
			}
		});

		it('projects read "Now" as Present, except at HPE where it ends with the job (Jun 2019)', () => {
			expect(hpeJob?.end).toBe('2019-06');
			for (const fact of projectFacts) {
				const printed = readPrintedRange(fact);
				const nowEnd = fact.employer === 'Hewlett Packard Enterprise' ? hpeJob?.end : null;
				expect({start: fact.start, end: fact.end}, `${fact.title} (${fact.employer})`).toEqual({
					start: printed.start,
					end: printed.end === 'Now' ? nowEnd : printed.end,
				});
			}
		});

		it('three HPE projects are printed with "Now"', () => {
			const hpeNow = projectFacts.filter(
				(fact) => fact.employer === 'Hewlett Packard Enterprise' && fact.printed.startsWith('Now'),
			);
			expect(hpeNow.map((fact) => fact.title)).toEqual([
				'Linux OS development for ARM & ARM64',
				'Bootloader development for ARM32',
				'Other significant activities',
			]);
		});
	});

	it('has 4 jobs, 10 projects, 4 patents, 3 education entries and 5 skills', () => {
		expect(resume.work).toHaveLength(4);
		expect(resume.projects).toHaveLength(10);
		expect(resume['x-patents']).toHaveLength(4);
		expect(resume.education).toHaveLength(3);
		expect(resume.skills).toHaveLength(5);
	});

	it.each(jobFacts.map((fact, index) => [index, fact] as const))(
		'job %i: every title, employer, city, date and bullet',
		(index, fact) => {
			const job = resume.work?.[index];
			expect(job).toEqual({
				name: fact.employer,
				position: fact.position,
				location: fact.city,
				startDate: fact.start,
				endDate: fact.end ?? undefined,
				highlights: fact.highlights.length > 0 ? fact.highlights : undefined,
			});
			if (fact.end === null) {
				expect(job).not.toHaveProperty('endDate');
			}

			if (fact.highlights.length === 0) {
				expect(job).not.toHaveProperty('highlights');
			}
		},
	);

	it('has every work highlight, grouped by employer as printed', () => {
		expect(resume['x-workHighlights']).toEqual(workHighlightFacts);
	});

	it.each(projectFacts.map((fact, index) => [index, fact] as const))(
		'project %i: title, employer, city, dates and every bullet',
		(index, fact) => {
			const project = resume.projects?.[index];
			expect(project).toEqual({
				name: fact.title,
				entity: fact.employer,
				'x-location': fact.city,
				startDate: fact.start,
				endDate: fact.end ?? undefined,
				highlights: fact.highlights,
			});
			if (fact.end === null) {
				expect(project).not.toHaveProperty('endDate');
			}
		},
	);

	it('tells the two "Other significant activities" projects apart by entity', () => {
		const others = resume.projects?.filter((project) => project.name === 'Other significant activities') ?? [];
		expect(others).toHaveLength(2);
		expect(new Set(others.map((project) => project.entity)).size).toBe(2);
	});

	it('has every patent: status, number, title and verified link', () => {
		const patents = resume['x-patents'] ?? [];
		expect(patents).toEqual(patentFacts);
		expect(patents.filter((patent) => patent.status === 'granted')).toHaveLength(1);
		expect(patents.filter((patent) => patent.status === 'filed')).toHaveLength(3);
		expect(patents.at(-1)).not.toHaveProperty('number');
		expect(patents.find((patent) => patent.number === '202141004517')).not.toHaveProperty('url');
	});

	it.each(educationFacts.map((fact, index) => [index, fact] as const))(
		'education %i: study, area, institution, city, years and score',
		(index, fact) => {
			expect(resume.education?.[index]).toEqual({
				institution: fact.institution,
				area: fact.area,
				studyType: fact.studyType,
				startDate: fact.start,
				endDate: fact.end,
				score: fact.score,
				'x-location': fact.city,
			});
		},
	);

	it('has every skill in printed order', () => {
		expect(resume.skills).toEqual(skillFacts.map((name) => ({name})));
	});
});
