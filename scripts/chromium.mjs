// Debian's Chromium, driven by playwright-core, as the web tests and the page's screenshot use it:
// headless, without a sandbox (CI runs as root), nothing fetched in the background, a fresh
// profile each time (removed on close).
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium} from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

export const chromiumFlags = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export async function launchChromium(options = {}) {
	const profile = mkdtempSync(join(tmpdir(), 'balakumaran-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath,
		headless: true,
		args: chromiumFlags,
		...options,
	});
	const close = context.close.bind(context);
	context.close = async (...args) => {
		await close(...args);
		rmSync(profile, {recursive: true, force: true});
	};

	return context;
}
