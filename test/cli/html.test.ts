// `--format html`: the résumé as one page of semantic HTML, every fact in it, nothing unsafe.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import resumeDocument from '../../data/resume.json' with {type: 'json'};
import {loadResumeFile, parseResume} from '../../source/data/load.js';
import {buildSections} from '../../source/document/sections.js';
import {escapeHtml, renderHtml} from '../../source/cli/print/html.js';
import {missingFacts} from '../helpers/resume-fact-strings.js';
import {runCli} from '../helpers/run-cli.js';

const loaded = parseResume(resumeDocument, 'data/resume.json');
if (!loaded.ok) {
	throw new Error(loaded.error);
}

const {resume} = loaded;

/** The text a reader gets: tags dropped, entities decoded. */
const textOf = (html: string): string =>
	html
		.replace(/<style>[^<]*<\/style>/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

const load = (name: string) => {
	const result = loadResumeFile(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));
	if (!result.ok) {
		throw new Error(result.error);
	}

	return result.resume;
};

describe('the HTML page', () => {
	const html = renderHtml(resume);

	it('is what `balakumaran --format html` prints, self-contained: inline styles, no script', () => {
		const printed = runCli(['--format', 'html']);
		expect(printed).toEqual({status: 0, stdout: html, stderr: ''});
		expect(html).toMatch(/^<!doctype html>\n<html lang="en"><head><meta charset="utf-8">/);
		expect(html).not.toMatch(/<script|<link|src=/i);
		expect(html).toContain('<style>');
		expect(html).toContain('<title>Balakumaran Kannan · System Programmer</title>');
	});

	it('has every fact of the résumé', () => {
		expect(missingFacts(textOf(html))).toEqual([]);
	});

	it('is headings, lists and links: one h1, an h2 per section, an h3 per job, project, patent and school', () => {
		expect(html.match(/<h1>/g)).toHaveLength(1);
		const sections = buildSections(resume);
		expect([...html.matchAll(/<section id="([a-z]+)"><h2>([^<]+)<\/h2>/g)].map((match) => [match[1], match[2]])).toEqual(
			sections.map((section) => [section.id, section.title]),
		);
		const titled = [resume.work, resume['x-workHighlights'], resume.projects, resume['x-patents'], resume.education];
		expect(html.match(/<h3>/g)).toHaveLength(titled.reduce((sum, list) => sum + (list?.length ?? 0), 0));
		expect(html).toContain('<li>Evaluated AMD EPYC CPUs</li>');
		expect(html).toContain('<a href="mailto:kumaran.4353@gmail.com">kumaran.4353@gmail.com</a>');
		expect(html).toContain('<a href="https://patents.google.com/patent/US10862859B2/en">https://patents.google.com/patent/US10862859B2/en</a>');
	});

	it('prints one section alone, without the header', () => {
		const printed = runCli(['skills', '--format', 'html']);
		expect(printed.status).toBe(0);
		expect(printed.stdout).toContain('<section id="skills"><h2>Skills</h2><ul><li>C</li><li>Linux</li><li>Python</li><li>Shell</li><li>Assembly</li></ul></section>');
		expect(printed.stdout).not.toContain('<header>');
		expect(printed.stdout.match(/<section/g)).toHaveLength(1);
	});

	it('escapes everything it is given, and links only http, https, mailto and tel', () => {
		expect(escapeHtml(`<script>&"'`)).toBe('&#60;script&#62;&#38;&#34;&#39;');
		const hostile = renderHtml(load('hostile.json'));
		// Only the printer's own tags, and no attribute but a safe href and a section's id.
		const tags = new Set([...hostile.replace(/<style>[^<]*<\/style>/, '').matchAll(/<\/?([a-z\d!]+)/gi)].map((match) => match[1]));
		expect([...tags].sort()).toEqual(['!doctype', 'a', 'article', 'body', 'h1', 'h2', 'h3', 'head', 'header', 'html', 'li', 'main', 'meta', 'p', 'section', 'small', 'title', 'ul'].sort());
		expect(hostile.replace(/<style>[^<]*<\/style>/, '')).not.toMatch(/<[^>]*\s(?!href=|id=|lang=|charset=|name=|content=)[a-z-]+=/i);
		for (const [, href] of hostile.matchAll(/href="([^"]*)"/g)) {
			expect(href).toMatch(/^(https?|mailto|tel):/);
		}

		expect(hostile).not.toContain('\u001B');
	});

	it('prints a third-party résumé whole (the JSON Resume sample)', () => {
		const text = textOf(renderHtml(load('jsonresume-sample.json')));
		for (const fact of ['Richard Hendriks', 'Pied Piper', 'Digital Compression Pioneer Award', 'Erlich Bachman', 'Miss Direction', 'Ferrets']) {
			expect(text).toContain(fact);
		}
	});
});
