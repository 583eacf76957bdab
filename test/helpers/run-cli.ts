// Runs the built CLI as a process (no terminal) and collects what it printed.
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const cliPath = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));

export type CliResult = {readonly status: number | null; readonly stdout: string; readonly stderr: string};

export function runCli(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}, input = ''): CliResult {
	const result = spawnSync(process.execPath, [cliPath, ...args], {
		encoding: 'utf8',
		input,
		env: {...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env},
		timeout: 20_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}
