// meow for both command lines (`balakumaran` and `balakumaran serve`): it parses, prints --help
// and --version, and checks unknown flags and choices; here its reports become one line each.
import process from 'node:process';
import meow, {type AnyFlags, type Options, type Result} from 'meow';

export type MeowParsed<Flags extends AnyFlags> = {readonly ok: true; readonly cli: Result<Flags>} | {readonly ok: false; readonly error: string};

/** Thrown in place of meow's exit, to say what it found in our own one line. */
class UsageError extends Error {}

/**
 * Runs meow on `options` (whose `valueFlags`, spelled as typed, take a value). --help and --version
 * print and exit 0; anything wrong comes back as one line ending in "see --help" where that helps.
 */
export function parseWithMeow<Flags extends AnyFlags>(options: Options<Flags>, valueFlags: readonly string[]): MeowParsed<Flags> {
	// meow would read a flag's missing value as an empty string.
	const argv = options.argv ?? [];
	for (const [index, argument] of argv.entries()) {
		if (argument === '--') {
			break;
		}

		if (valueFlags.includes(argument) && (argv[index + 1] === undefined || argv[index + 1]?.startsWith('--'))) {
			return {ok: false, error: `option '${argument}' needs a value; see --help`};
		}
	}

	// meow writes an unknown flag on lines of its own and exits, and throws for a value not among a
	// flag's choices: both are caught and read.
	const reported: string[] = [];
	const {error} = console;
	const {exit} = process;
	console.error = (...parts: unknown[]) => {
		reported.push(parts.join(' '));
	};

	process.exit = ((code?: number) => {
		throw new UsageError(String(code ?? 0));
	}) as typeof process.exit;
	let thrown: unknown;
	try {
		return {ok: true, cli: meow(options)};
	} catch (error_) {
		thrown = error_;
	} finally {
		console.error = error;
		process.exit = exit;
	}

	// --help and --version have printed.
	if (thrown instanceof UsageError && thrown.message === '0') {
		return process.exit(0);
	}

	const text = thrown instanceof UsageError ? reported.join('\n') : thrown instanceof Error ? thrown.message : String(thrown);
	const unknownFlag = /^Unknown flags?\n(.+)/s.exec(text);
	if (unknownFlag) {
		return {ok: false, error: `unknown option '${unknownFlag[1]?.split('\n')[0] ?? ''}'; see --help`};
	}

	const badChoice = /^Unknown value for flag `--([\w-]+)`: `(.*)`\. Value must be one of: \[`(.*)`\]/.exec(text);
	if (badChoice) {
		return {ok: false, error: `unknown ${badChoice[1] ?? ''} '${badChoice[2] ?? ''}'; one of: ${(badChoice[3] ?? '').split('`, `').join(', ')}`};
	}

	const repeated = /^The flag `?(--[\w-]+)`? can only be set once\./.exec(text);
	if (repeated) {
		return {ok: false, error: `option '${repeated[1] ?? ''}' given more than once; see --help`};
	}

	return {ok: false, error: text.split('\n').join('; ')};
}
