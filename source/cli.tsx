#!/usr/bin/env node
// Thin entry: parses flags, picks the mode (TUI or printed text) and dispatches.
import process from 'node:process';
import meow from 'meow';
import supportsHyperlinks from 'supports-hyperlinks';
import {supportsColor} from 'chalk';
import pkg from '../package.json' with {type: 'json'};
import resumeDocument from '../data/resume.json' with {type: 'json'};
import {parseResume} from './data/load.js';
import {renderText} from './render/text.js';
import {createTheme} from './theme.js';

const helpText = `
  The interactive terminal résumé of Balakumaran Kannan, Linux system programmer.

  Usage
    $ balakumaran

  Keys
    ↑ ↓ j k          move            Enter → l      open, expand
    ← h Esc          back            Tab Shift-Tab  next, previous section
    PgUp PgDn        page            Ctrl-u Ctrl-d  half a page
    g G              top, bottom     o              open the link
    ?                help            q Ctrl-C       quit

  Options
    --help       Show this help
    --version    Show the version

  When standard output is not a terminal, the résumé is printed as plain text.
`;

const knownFlags = new Set(['--help', '--version', '-h', '-v']);

function fail(message: string, code: number): never {
	process.stderr.write(`balakumaran: ${message}\n`);
	process.exit(code);
}

const unknown = process.argv.slice(2).find((argument) => argument.startsWith('-') && !knownFlags.has(argument.split('=')[0] ?? ''));
if (unknown !== undefined) {
	fail(`unknown option '${unknown}'; see --help`, 2);
}

meow(helpText, {
	importMeta: import.meta,
	pkg,
	description: false,
	flags: {},
	helpIndent: 0,
});

const loaded = parseResume(resumeDocument, 'data/resume.json');
if (!loaded.ok) {
	fail(loaded.error, 1);
}

const {resume} = loaded;
const isDumb = process.env['TERM'] === 'dumb';
const port = process.stdout.isTTY && !isDumb ? (await import('./terminal/local.js')).localTerminal() : undefined;

if (port === undefined) {
	process.stdout.write(renderText(resume, {width: 80}));
} else {
	const level = supportsColor === false ? 0 : supportsColor.level;
	const {runLocal} = await import('./terminal/local.js');
	await runLocal(port, {
		resume,
		style: {theme: createTheme('dark', level), hasHyperlinks: supportsHyperlinks.stdout},
	});
}
