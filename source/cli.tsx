// The command line: meow parses the flags, then this picks the mode (TUI, printed output or SSH
// server) and dispatches. The bin (start.ts) runs it for anything but a bare `balakumaran`.
import process from 'node:process';
import meow from 'meow';
import pkg from '../package.json' with {type: 'json'};
import {bundledResume} from './data/bundled.js';
import {buildSections} from './document/sections.js';
import {printResume, formats, type Format} from './render/print.js';
import {colorLevel, detectColorLevel} from './terminal/color.js';
import {localStyle, localTerminal} from './terminal/local-port.js';
import {themeNames, type ThemeName} from './theme.js';
import {loadServe} from './ssh/load-serve.js';

export const helpText = `
  The interactive terminal résumé of Balakumaran Kannan, Linux system programmer.

  Usage
    $ balakumaran [section] [options]
    $ balakumaran serve [options]       serve it over SSH (see: balakumaran serve --help)

  Sections
    about, experience, highlights, projects, patents, education, skills, contact
    (a section opens the résumé there; with --format only that section is printed)

  Options
    --format <text|markdown|json|html>  print the résumé instead of opening it
    --width <columns>                   wrap printed text at this width (default: the terminal's, or 80)
    --resume <file>                     show another JSON Resume 1.0.0 file
    --theme <dark|light|mono>           colours (default: asks the terminal for its background)
    --mouse                             wheel scrolling and click to select (off keeps text selection)
    --no-color                          no colour (NO_COLOR=1 does the same; FORCE_COLOR=1 forces it)
    --help                              show this help
    --version                           show the version

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
`;

function fail(message: string, code = 2): never {
	process.stderr.write(`balakumaran: ${message}\n`);
	process.exit(code);
}

export {inkReady} from './terminal/ink-ready.js';
export {runLocal} from './terminal/local.js';

/** Runs the command line `argv` (the arguments after the program's name). */
export async function run(argv: readonly string[]): Promise<void> {
	if (argv[0] === 'serve') {
		const serve = await loadServe();
		if (!serve) {
			fail("'serve' is not in the npm package (it would double its size); run it from a clone of the repository: see docs/ssh.md");
		}

		process.exitCode = await serve.serveCommand(argv.slice(1));
		return;
	}

	await main([...argv]);
}

async function main(argv: string[]): Promise<void> {
	const valueFlags = new Set(['--format', '--width', '--resume', '--theme']);
	const switchFlags = new Set(['--help', '--version', '--no-color', '--color', '--mouse', '-h', '-v']);
	for (const [index, argument] of argv.entries()) {
		if (argument === '--') {
			break;
		}

		const name = argument.split('=')[0] ?? argument;
		if (argument.startsWith('-') && !valueFlags.has(name) && !switchFlags.has(name)) {
			fail(`unknown option '${argument}'; see --help`);
		}

		if (valueFlags.has(argument) && (argv[index + 1] === undefined || argv[index + 1]?.startsWith('--'))) {
			fail(`option '${argument}' needs a value; see --help`);
		}
	}

	const cli = meow(helpText, {
		argv,
		importMeta: import.meta,
		pkg,
		description: false,
		helpIndent: 0,
		flags: {
			format: {type: 'string'},
			width: {type: 'string'},
			resume: {type: 'string'},
			theme: {type: 'string'},
			mouse: {type: 'boolean', default: false},
			color: {type: 'boolean', default: true},
		},
	});

	const {flags} = cli;
	if (cli.input.length > 1) {
		fail(`expected at most one section, got '${cli.input.join(' ')}'; see --help`);
	}

	const format = flags.format;
	if (format !== undefined && !formats.includes(format as Format)) {
		fail(`unknown format '${format}'; one of: ${formats.join(', ')}`);
	}

	const theme = flags.theme;
	if (theme !== undefined && !themeNames.includes(theme as ThemeName)) {
		fail(`unknown theme '${theme}'; one of: ${themeNames.join(', ')}`);
	}

	let width: number | undefined;
	if (flags.width !== undefined) {
		width = Number(flags.width);
		if (!Number.isInteger(width) || width < 20 || width > 1000) {
			fail(`invalid width '${flags.width}': expected a whole number of columns from 20 to 1000`);
		}
	}

	// The schema loads only for a file of the user's; the bundled résumé was validated at build time.
	const loaded = flags.resume === undefined ? bundledResume() : (await import('./data/load.js')).loadResumeFile(flags.resume);
	if (!loaded.ok) {
		fail(loaded.error);
	}

	const {resume} = loaded;
	const sections = buildSections(resume);
	const wanted = cli.input[0]?.toLowerCase();
	const sectionIndex = wanted === undefined ? undefined : sections.findIndex((section) => section.id === wanted);
	if (sectionIndex === -1) {
		fail(`unknown section '${cli.input[0] ?? ''}'; one of: ${sections.map((section) => section.id).join(', ')}`);
	}

	const level = colorLevel({
		env: process.env,
		isColorFlagOff: !flags.color,
		detected: detectColorLevel(process.env, process.stdout.isTTY === true),
	});
	const section = sectionIndex === undefined ? undefined : sections[sectionIndex]?.id;
	const isDumb = process.env['TERM'] === 'dumb';
	const port = format === undefined && process.stdout.isTTY && !isDumb ? localTerminal() : undefined;
	if (port === undefined) {
		const forced = process.env['FORCE_COLOR'] !== undefined ? level : 0;
		process.stdout.write(
			printResume(resume, {
				format: (format as Format | undefined) ?? 'text',
				width: width ?? (process.stdout.isTTY ? process.stdout.columns || 80 : 80),
				section,
				colorLevel: forced,
			}),
		);
		return;
	}

	const {runLocal} = await import('./terminal/local.js');
	await runLocal(port, {
		resume,
		style: await localStyle(port, level, theme as ThemeName | undefined),
		initialSection: sectionIndex,
		hasMouse: flags.mouse,
	});
}
