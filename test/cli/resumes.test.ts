// Anyone's JSON Resume, through the built bin as a process: every fixture in every format, one
// section, and the TUI in a pseudo-terminal. The fixtures cover the sample of the JSON Resume
// project, an all-Latin résumé (text the bin measures itself), a CJK and right-to-left one and the
// hostile one (text that takes string-width's full path and Intl.Segmenter).
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {startApp} from '../e2e/harness.js';
import {runCli} from '../helpers/run-cli.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}.json`, import.meta.url));

type Case = {readonly name: string; readonly file: string; readonly header: string; readonly facts: readonly string[]; readonly second: string};
const cases: readonly Case[] = [
	{
		name: 'the JSON Resume sample',
		file: fixture('jsonresume-sample'),
		header: 'Richard Hendriks · Programmer',
		facts: ['Pied Piper', 'CEO/President', 'University of Oklahoma', 'Miss Direction', 'Erlich Bachman'],
		second: 'Experience',
	},
	{
		name: 'an all-Latin résumé',
		file: fixture('latin'),
		header: 'Zoë Müller-Ångström · Développeuse système',
		facts: ['Zürich', "Société Générale d'Électronique", 'Réduit la latence d\'interruption de 40 %', 'Ordonnanceur Œuvre', 'École Polytechnique Fédérale de Lausanne', 'Fließend'],
		second: 'Experience',
	},
	{
		name: 'a CJK and right-to-left résumé',
		file: fixture('cjk-rtl'),
		header: '王小明 (وانغ شياو مينغ) · 系统程序员 · مبرمج أنظمة',
		facts: ['龙芯中科', 'شركة الإمارات للبرمجيات', 'מערכת קבצים מבוזרת', '调度器追踪', 'صيانة برنامج تشغيل الشبكة 🚀', '清华大学', 'עברית'],
		second: 'Experience',
	},
	{
		name: 'the hostile résumé',
		file: fixture('hostile'),
		header: 'Eve Mallory · Hacker',
		facts: ['李小龍 🐉', 'Engineer 工程师 👩‍💻 · Corp'],
		second: 'Experience',
	},
];

describe.each(cases)('--resume with $name', ({file, header, facts, second}) => {
	it.each(['text', 'markdown'])('prints every fact as %s', (format) => {
		const result = runCli(['--resume', file, '--format', format, '--width', '60']);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const unwrapped = result.stdout.replaceAll(/\n(?:  )?/g, ' ').replaceAll('\\', '');
		for (const fact of facts) {
			expect(unwrapped, fact).toContain(fact);
		}

		// Text is wrapped by display width; Markdown leaves wrapping to its reader.
		if (format === 'text') {
			for (const line of result.stdout.split('\n')) {
				expect(stringWidth(line), line).toBeLessThanOrEqual(60);
			}
		}
	});

	it('prints the text with the header first', () => {
		const result = runCli(['--resume', file, '--format', 'text', '--width', '1000']);
		expect(result.stdout.split('\n')[0]).toBe(header);
	});

	it('prints the validated document as JSON', () => {
		const result = runCli(['--resume', file, '--format', 'json']);
		expect(result).toMatchObject({status: 0, stderr: ''});
		const printed = JSON.parse(result.stdout) as {basics: {name: string}};
		expect(header.startsWith(printed.basics.name)).toBe(true);
	});

	it('prints one section', () => {
		const result = runCli(['experience', '--resume', file, '--format', 'text']);
		expect(result).toMatchObject({status: 0, stderr: ''});
		expect(result.stdout.split('\n')[0]).toBe('EXPERIENCE');
		expect(result.stdout).not.toContain('EDUCATION');
	});

	it(`opens in a terminal, moves to ${second} on j and quits on q`, async (test) => {
		const session = startApp(test, {size: {columns: 100, rows: 30}, args: ['--resume', file]});
		await session.waitFor((terminal) => terminal.screen()[0] === header, {what: `the header '${header}'`});
		session.write('j');
		await session.waitFor((terminal) => !terminal.isPainting() && terminal.screen().some((line) => line.startsWith(`❯ ${second}`)), {what: `the menu on ${second}`});
		session.write('q');
		expect((await session.exit).exitCode).toBe(0);
	});
});
