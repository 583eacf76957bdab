// Part of `npm run screenshots`: the page `balakumaran serve --web-port` serves, in Debian's
// Chromium (scripts/chromium.mjs), as docs/web.png: the TUI in the browser, a project expanded.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {launchChromium} from './chromium.mjs';

const cli = new URL('../dist/cli.cjs', import.meta.url).pathname;
const output = new URL('../docs/web.png', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'balakumaran-web-shot-'));
const server = spawn(process.execPath, [cli, 'serve', '--host', '127.0.0.1', '--port', '0', '--web-port', '0', '--host-key', join(folder, 'key')], {stdio: ['ignore', 'ignore', 'pipe']});
let log = '';
const port = await new Promise((resolve, reject) => {
	server.stderr.setEncoding('utf8').on('data', (chunk) => {
		log += chunk;
		const found = /web page on [^\n]*:(\d+);/.exec(log);
		if (found) {
			resolve(Number(found[1]));
		}
	});
	server.once('exit', () => reject(new Error(`serve exited: ${log}`)));
});

const browser = await launchChromium({viewport: {width: 1000, height: 620}, colorScheme: 'dark', deviceScaleFactor: 1});
try {
	const page = await browser.newPage();
	await page.goto(`http://127.0.0.1:${port}/`);
	const shows = async (text) =>
		page.waitForFunction((wanted) => [...document.querySelectorAll('.xterm-rows > div')].some((row) => (row.textContent ?? '').replace(/\u00A0/g, ' ').includes(wanted)), text);
	await shows('❯ About');
	for (const key of ['Tab', 'Tab', 'Tab', 'l', 'Enter']) {
		await page.keyboard.press(key);
	}

	await shows('▾ ');
	await page.screenshot({path: output});
	console.log(`wrote ${output}`);
} finally {
	await browser.close();
	server.kill('SIGTERM');
	rmSync(folder, {recursive: true, force: true});
}
