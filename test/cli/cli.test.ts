import {readFileSync} from 'node:fs';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string};

describe('the CLI as a process', () => {
	it('prints the pinned --help text and exits 0', () => {
		const result = runCli(['--help']);
		expect(result.status).toBe(0);
		expect(result.stdout).toBe(`
The interactive terminal résumé of Balakumaran Kannan, Linux system programmer.

Usage
  $ balakumaran [section] [options]
  $ balakumaran serve [options]       serve it over SSH (see: balakumaran serve --help)

Sections
  about, experience, highlights, projects, patents, education, skills, contact
  (a section opens the résumé there; with --format only that section is printed)

Options
  --format <name>                print the résumé as text, markdown, json or html
                                 instead of opening it
  --width <columns>              wrap printed text at this width (default: the terminal's, or 80)
  --resume <file>                show another JSON Resume 1.0.0 file
  --theme <name>                 dark, light, mono or high-contrast (default: asks the
                                 terminal for its background)
  --screen-reader                lines of words for a screen reader, every move announced
                                 (INK_SCREEN_READER=true does the same)
  --mouse                        wheel scrolling and click to select (off keeps text selection)
  --no-color                     no colour (NO_COLOR=1 does the same; FORCE_COLOR=1 forces it)
  --help                         show this help
  --version                      show the version

Keys
  ↑ ↓ j k     move                  Enter → l    open, expand a project
  ← h Esc     back                  Tab          next section (Shift-Tab: previous)
  PgUp PgDn   page                  Ctrl-u/d     half a page up, down
  g G         top, bottom           Enter o yy   open, copy a link
  / n N       search, next match    zo zc zR zM  expand, collapse projects
  5j          counts                :q :help     commands (:projects goes there)
  ?           all keys              q Ctrl-C     quit

When standard output is not a terminal (a pipe, a file) or TERM=dumb, the résumé is
printed as plain text.

`);
	});

	it('prints the version', () => {
		const result = runCli(['--version']);
		expect(result).toMatchObject({status: 0, stdout: `${pkg.version}\n`});
	});

	it('rejects an unknown flag with one line and exit 2', () => {
		const result = runCli(['--bogus']);
		expect(result).toEqual({status: 2, stdout: '', stderr: "balakumaran: unknown option '--bogus'; see --help\n"});
	});

	it('rejects an unknown section, naming the known ones', () => {
		const result = runCli(['nope', '--format', 'text']);
		expect(result.status).toBe(2);
		expect(result.stderr).toBe("balakumaran: unknown section 'nope'; one of: about, experience, highlights, projects, patents, education, skills, contact\n");
	});

	it('rejects a bad format and a bad width', () => {
		expect(runCli(['--format', 'pdf'])).toMatchObject({status: 2, stderr: "balakumaran: unknown format 'pdf'; one of: text, markdown, json, html\n"});
		expect(runCli(['--theme', 'neon'])).toMatchObject({status: 2, stderr: "balakumaran: unknown theme 'neon'; one of: dark, light, mono, high-contrast\n"});
		expect(runCli(['--width', 'wide'])).toMatchObject({
			status: 2,
			stderr: "balakumaran: invalid width 'wide': expected a whole number of columns from 20 to 1000\n",
		});
	});

	it('prints plain text wrapped to 80 columns when piped, and exits 0', () => {
		const result = runCli([]);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).not.toContain('\u001B');
		const lines = result.stdout.split('\n');
		expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(80);
		expect(lines.slice(0, 4)).toEqual([
			'Balakumaran Kannan · System Programmer',
			'Bangalore',
			'kumaran.4353@gmail.com · +91 7406479544 · https://github.com/0xba1a',
			'https://www.eastrivervillage.com',
		]);
		for (const heading of ['ABOUT', 'EXPERIENCE', 'WORK HIGHLIGHTS', 'PROJECTS', 'PATENTS', 'EDUCATION', 'SKILLS', 'CONTACT']) {
			expect(lines).toContain(heading);
		}

		expect(result.stdout).toContain('• Found out a loss of ~8% performance on scheduler intensive tasks');
		expect(result.stdout).toContain('Granted · No. 10862859');
	});

	it('prints text when stdin is not a terminal either', () => {
		const result = runCli([], {}, 'jjj q');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('PROJECTS');
	});
});

describe('colour detection', () => {
	it('reads TERM, COLORTERM and TERM_PROGRAM, and ignores CI', async () => {
		const {detectColorLevel} = await import('../../source/terminal/color.js');
		expect(detectColorLevel({TERM: 'xterm-256color', CI: 'true'}, true)).toBe(2);
		expect(detectColorLevel({TERM: 'xterm', COLORTERM: 'truecolor'}, true)).toBe(3);
		expect(detectColorLevel({TERM: 'screen'}, true)).toBe(1);
		expect(detectColorLevel({TERM: 'unknown'}, true)).toBe(0);
		expect(detectColorLevel({TERM: 'dumb', COLORTERM: 'truecolor'}, true)).toBe(0);
		expect(detectColorLevel({TERM: 'xterm-256color'}, false)).toBe(0);
	});
});
