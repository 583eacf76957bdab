// `npm run bench`: runs every bench/*.bench.mjs in turn (or those named on the command line, e.g.
// `npm run bench -- first-frame`), each in its own process, and fails if any of them fails.
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const folder = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(folder)
	.filter((name) => name.endsWith('.bench.mjs'))
	.filter((name) => wanted.length === 0 || wanted.some((word) => name.includes(word)))
	.sort();
let failed = 0;
for (const name of benches) {
	console.log(`\n=== ${name}`);
	const result = spawnSync(process.execPath, [path.join(folder, name)], {stdio: 'inherit'});
	if (result.status !== 0) {
		failed++;
		console.error(`${name} failed (${result.status ?? result.signal})`);
	}
}

process.exitCode = failed === 0 ? 0 : 1;
