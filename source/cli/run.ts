// The command line: meow parses and checks the flags, then this picks the mode (the TUI, printed
// output or the SSH server) and dispatches. It runs in the bin: printing never loads Ink.
import process from 'node:process';
import pkg from '../../package.json' with {type: 'json'};
import {bundledResume} from '../data/bundled.js';
import {buildSections} from '../document/sections.js';
import {keySummaryLines} from '../model/keymap.js';
import {loadServe} from '../ssh/load-serve.js';
import {colorLevel, detectColorLevel} from '../terminal/color.js';
import {localTerminal} from '../terminal/local-port.js';
import {themeNames, type ThemeName} from '../view/theme.js';
import {parseWithMeow} from './meow-flags.js';
import {formats, printResume, type Format} from './print/print.js';

const bundledSections = (): string => {
	const loaded = bundledResume();
	return loaded.ok ? buildSections(loaded.resume).map((section) => section.id).join(', ') : '';
};

/** The help, written from the keymap's summary, the sections of the résumé and the flags' choices. */
export function helpText(): string {
	return `
  The interactive terminal résumé of Balakumaran Kannan, Linux system programmer.

  Usage
    $ balakumaran [section] [options]
    $ balakumaran serve [options]       serve it over SSH (see: balakumaran serve --help)

  Sections
    ${bundledSections()}
    (a section opens the résumé there; with --format only that section is printed)

  Options
    --format <name>                print the résumé as ${formats.slice(0, -1).join(', ')} or ${formats.at(-1) ?? ''}
                                   instead of opening it
    --width <columns>              wrap printed text at this width (default: the terminal's, or 80)
    --resume <file>                show another JSON Resume 1.0.0 file
    --theme <name>                 ${themeNames.slice(0, -1).join(', ')} or ${themeNames.at(-1) ?? ''} (default: asks the
                                   terminal for its background)
    --screen-reader                lines of words for a screen reader, every move announced
                                   (INK_SCREEN_READER=true does the same)
    --mouse                        wheel scrolling and click to select (off keeps text selection)
    --no-color                     no colour (NO_COLOR=1 does the same; FORCE_COLOR=1 forces it)
    --help                         show this help
    --version                      show the version

  Keys
${keySummaryLines('    ').join('\n')}

  When standard output is not a terminal (a pipe, a file) or TERM=dumb, the résumé is
  printed as plain text.
`;
}

function fail(message: string, code = 2): never {
	process.stderr.write(`balakumaran: ${message}\n`);
	process.exit(code);
}

/** Runs the command line `argv` (the arguments after the program's name). */
export async function run(argv: readonly string[]): Promise<void> {
	if (argv[0] === 'serve') {
		const serve = await loadServe();
		if (!serve) {
			fail("'serve' is not in the npm package (it would double its size); run it from a clone of the repository: see docs/ssh.md");
		}

		// Its flags are answered here (help, errors) before the server, with Ink, is loaded.
		const {parseServeFlags} = await serve.flags();
		const command = parseServeFlags(argv.slice(1));
		if (!command.ok) {
			process.stderr.write(`balakumaran serve: ${command.error}\n`);
			process.exit(2);
		}

		process.exitCode = await (await serve.load()).runServe(command.flags);
		return;
	}

	const parsed = parseWithMeow(
		{
		argv: [...argv],
		// meow reads importMeta only to find package.json, and `pkg` is given.
		importMeta: {url: 'file:///'} as ImportMeta,
		pkg,
		help: helpText(),
		description: false,
		helpIndent: 0,
		allowUnknownFlags: false,
		flags: {
			format: {type: 'string', choices: [...formats]},
			width: {type: 'string'},
			resume: {type: 'string'},
			theme: {type: 'string', choices: [...themeNames]},
			mouse: {type: 'boolean', default: false},
			screenReader: {type: 'boolean', default: false},
			color: {type: 'boolean', default: true},
		},
		},
		['--format', '--width', '--resume', '--theme'],
	);
	if (!parsed.ok) {
		fail(parsed.error);
	}

	const {cli} = parsed;
	const {flags} = cli;
	if (cli.input.length > 1) {
		fail(`expected at most one section, got '${cli.input.join(' ')}'; see --help`);
	}

	let width: number | undefined;
	if (flags.width !== undefined) {
		width = Number(flags.width);
		if (!Number.isInteger(width) || width < 20 || width > 1000) {
			fail(`invalid width '${flags.width}': expected a whole number of columns from 20 to 1000`);
		}
	}

	// The schema loads only for a file of the user's; the bundled résumé was validated at build time.
	const loaded = flags.resume === undefined ? bundledResume() : (await import('../data/load.js')).loadResumeFile(flags.resume);
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
	const format = flags.format as Format | undefined;
	const port = format === undefined && process.stdout.isTTY && process.env['TERM'] !== 'dumb' ? localTerminal() : undefined;
	if (port === undefined) {
		const forced = process.env['FORCE_COLOR'] !== undefined ? level : 0;
		process.stdout.write(
			printResume(resume, {
				format: format ?? 'text',
				width: width ?? (process.stdout.isTTY ? process.stdout.columns || 80 : 80),
				section: sectionIndex === undefined ? undefined : sections[sectionIndex]?.id,
				colorLevel: forced,
			}),
		);
		return;
	}

	// Ink's own switch and the flag are one mode.
	const isScreenReader = flags.screenReader || process.env['INK_SCREEN_READER'] === 'true';
	const {startTui} = await import('./tui.js');
	await startTui(port, {resume, level, theme: flags.theme as ThemeName | undefined, initialSection: sectionIndex, hasMouse: flags.mouse && !isScreenReader, isScreenReader});

}
