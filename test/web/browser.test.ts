// The page in a real browser (Debian's Chromium through playwright-core), served by the built
// server: the TUI in xterm.js, keys, resizing, links, the clipboard, quitting, the plain page
// when the window is narrow or JavaScript is off, and the printout.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {launchChromium} from '../../scripts/chromium.mjs';
import {missingFacts} from '../helpers/resume-fact-strings.js';
import {startServe, stopAll, type Served} from '../ssh/helpers/serve.js';

let served: Served;
let browser: BrowserContext;
let url = '';
const work = mkdtempSync(join(tmpdir(), 'balakumaran-browser-'));

beforeAll(async () => {
	served = await startServe(['--web-port', '0', '--rate-per-address', '1000', '--max-per-address', '100']);
	url = `http://127.0.0.1:${served.webPort}/`;
	browser = await launchChromium({viewport: {width: 1100, height: 700}});
	// Links leave for the internet, which a test does not reach: the browser answers for it.
	await browser.route(/^https:\/\/(?:github\.com|patents\.google\.com|www\.eastrivervillage\.com)\//, async (route) => {
		await route.fulfill({status: 200, contentType: 'text/html', body: '<title>elsewhere</title>'});
	});
	await browser.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: url.slice(0, -1)});
});
afterAll(async () => {
	await browser?.close();
	await stopAll();
	rmSync(work, {recursive: true, force: true});
});

/** The terminal's rows as xterm.js's DOM renderer shows them. */
const rows = async (page: Page): Promise<string[]> =>
	page.evaluate(() => [...document.querySelectorAll('.xterm-rows > div')].map((row) => (row.textContent ?? '').replace(/\u00A0/g, ' ')));

/** Waits until some row satisfies the pattern. */
async function waitForRow(page: Page, pattern: RegExp): Promise<void> {
	await page.waitForFunction(
		(source) => [...document.querySelectorAll('.xterm-rows > div')].some((row) => new RegExp(source).test((row.textContent ?? '').replace(/\u00A0/g, ' '))),
		pattern.source,
		{timeout: 15_000},
	);
}

async function openPage(): Promise<Page> {
	const page = await browser.newPage();
	await page.addInitScript(() => {
		const violations: string[] = [];
		(window as unknown as {cspViolations: string[]}).cspViolations = violations;
		document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
	});
	await page.goto(url);
	await waitForRow(page, /Balakumaran Kannan · System Programmer/);
	return page;
}

/** The length of the header's rule: the terminal's width. */
const ruleLength = async (page: Page): Promise<number> => Math.max(...(await rows(page)).map((row) => /─+/.exec(row)?.[0].length ?? 0));

describe('the page with JavaScript', () => {
	let page: Page;
	beforeAll(async () => {
		page = await openPage();
	});

	it('shows the TUI in a terminal that fills the window, visible, with no CSP violation', async () => {
		const text = (await rows(page)).join('\n');
		expect(text).toContain('kumaran.4353@gmail.com · +91 7406479544');
		expect(text).toMatch(/❯ About/);
		const box = await page.locator('.xterm-screen').boundingBox();
		expect(box?.width).toBeGreaterThan(1000);
		expect(box?.height).toBeGreaterThan(600);
		const looks = await page.evaluate(() => ({
			tui: getComputedStyle(document.querySelector('#tui') as Element).visibility,
			resume: getComputedStyle(document.querySelector('#resume') as Element).display,
			// xterm.js colours rows through a <style> element it adds: blocked, the text would be unstyled.
			heading: getComputedStyle(document.querySelector('.xterm-rows > div span') as Element).color,
			violations: (window as unknown as {cspViolations: string[]}).cspViolations,
		}));
		expect(looks).toMatchObject({tui: 'visible', resume: 'none', violations: []});
		expect(looks.heading).not.toBe('rgb(0, 0, 0)');
		expect(await page.locator('#bar a').getAttribute('href')).toBe('#plain');
	});

	it('goes to Experience with j and Enter', async () => {
		await page.keyboard.press('j');
		await page.keyboard.press('Enter');
		await waitForRow(page, /System Engineer · Flipkart/);
		expect((await rows(page)).join('\n')).toContain('Jun 2019 – Present · Bangalore');
	});

	it('re-lays the TUI out when the window is resized', async () => {
		const wide = await ruleLength(page);
		await page.setViewportSize({width: 700, height: 500});
		await page.waitForFunction((before) => Math.max(...[...document.querySelectorAll('.xterm-rows > div')].map((row) => /─+/.exec(row.textContent ?? '')?.[0].length ?? 0)) < before - 20, wide);
		const narrow = await ruleLength(page);
		expect(narrow).toBeLessThan(wide * 0.7);
		expect(await page.evaluate(() => document.querySelectorAll('.xterm-rows > div').length)).toBeLessThan(32);
		await page.setViewportSize({width: 1100, height: 700});
		await page.waitForFunction((before) => Math.max(...[...document.querySelectorAll('.xterm-rows > div')].map((row) => /─+/.exec(row.textContent ?? '')?.[0].length ?? 0)) > before, narrow);
	});

	it('opens a clicked link in a new tab, without an opener', async () => {
		await page.keyboard.press('Escape');
		await waitForRow(page, /^❯ Experience/);
		await waitForRow(page, /https:\/\/github\.com\/0xba1a/);
		// Where the link is on the screen, read in one go (a repaint may replace the row's spans at
		// any moment, but not move them).
		const box = await (
			await page.waitForFunction(() => {
				const span = [...document.querySelectorAll('.xterm-rows span')].find((candidate) => candidate.textContent === 'https://github.com/0xba1a');
				const rect = span?.getBoundingClientRect();
				return rect && rect.width > 0 ? {x: rect.x, y: rect.y, height: rect.height} : false;
			})
		).jsonValue();
		if (!box) {
			throw new Error('no link on the screen');
		}

		// xterm.js finds a link under the pointer, then opens it on a click.
		await page.mouse.move(box.x + 40, box.y + box.height / 2);
		await page.waitForFunction(() => document.querySelector('.xterm-cursor-pointer') !== null);
		const [tab] = await Promise.all([browser.waitForEvent('page'), page.mouse.click(box.x + 40, box.y + box.height / 2)]);
		await tab.waitForLoadState();
		expect(tab.url()).toBe('https://github.com/0xba1a');
		expect(await tab.evaluate(() => window.opener)).toBeNull();
		await tab.close();
	});

	it('copies a link to the clipboard with yy (OSC 52)', async () => {
		await page.locator('.xterm-screen').click({position: {x: 600, y: 400}});
		for (const key of ['g', 'g', 'j', 'j', 'j', 'j', 'Enter']) {
			await page.keyboard.press(key);
		}

		await waitForRow(page, /DHCP-HA service on a Blockchain/);
		await page.keyboard.press('y');
		await page.keyboard.press('y');
		await page.waitForFunction(async () => (await navigator.clipboard.readText()) === 'https://patents.google.com/patent/US10862859B2/en');
	});

	it('ends with q, says how to start again, and starts again with Enter', async () => {
		await page.keyboard.press('q');
		await page.waitForFunction(() => document.querySelector('#status')?.textContent?.includes('Press Enter') ?? false);
		expect(await page.locator('#status').textContent()).toBe('The résumé has closed. Press Enter or the button to start again.');
		expect(await page.locator('#again').isVisible()).toBe(true);
		await page.keyboard.press('Enter');
		await waitForRow(page, /❯ About/);
		await page.waitForFunction(() => document.querySelector('#again')?.hasAttribute('hidden') ?? false);
	});

	it('shows the plain résumé instead when the window is narrower than 40 columns', async () => {
		await page.setViewportSize({width: 330, height: 640});
		await page.waitForFunction(() => !document.documentElement.classList.contains('tui'));
		const shown = await page.evaluate(() => ({
			resume: getComputedStyle(document.querySelector('#resume') as Element).display,
			tui: getComputedStyle(document.querySelector('#tui') as Element).visibility,
			text: (document.querySelector('#resume') as HTMLElement).innerText,
		}));
		expect(shown).toMatchObject({resume: 'block', tui: 'hidden'});
		expect(missingFacts(shown.text)).toEqual([]);
		await page.setViewportSize({width: 1100, height: 700});
		await page.waitForFunction(() => document.documentElement.classList.contains('tui'));
	});

	it('prints the résumé, every fact, on at most two A4 pages', async () => {
		const pdf = join(work, 'resume.pdf');
		writeFileSync(pdf, await page.pdf({format: 'A4', printBackground: false}));
		const info = spawnSync('pdfinfo', [pdf], {encoding: 'utf8'});
		const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(pages).toBeLessThanOrEqual(2);
		expect(info.stdout).toMatch(/Page size:\s+59[56](?:\.\d+)? x 84[12](?:\.\d+)? pts \(A4\)/);
		const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], {encoding: 'utf8'}).stdout;
		expect(missingFacts(text)).toEqual([]);
		expect(text).not.toContain('q quits');
	});
});

describe('the page for a screen reader (?screen-reader)', () => {
	it("puts xterm.js in its screen-reader mode and announces each move, as the terminal does", async () => {
		const page = await browser.newPage();
		try {
			await page.goto(`${url}?screen-reader`);
			await waitForRow(page, /Balakumaran Kannan/);
			await page.keyboard.press('j');
			await waitForRow(page, /^Experience, 2 of 8/);
			// xterm.js's accessibility tree, which screen readers read, has the same line.
			await page.waitForFunction(() => [...document.querySelectorAll('.xterm-accessibility-tree > div')].some((row) => (row.textContent ?? '').startsWith('Experience, 2 of 8')));
			expect((await rows(page)).join('\n')).not.toMatch(/[─│❯▸▾›•]/);
		} finally {
			await page.close();
		}
	});
});

describe('the page for a reader who asks for more contrast', () => {
	it('draws the TUI in the high-contrast theme', async () => {
		const colourOfName = async (page: Page): Promise<string> =>
			page.evaluate(() => getComputedStyle(document.querySelector('.xterm-rows > div span') as Element).color);
		const normal = await openPage();
		const contrast = await browser.newPage();
		try {
			await contrast.emulateMedia({contrast: 'more'});
			await contrast.goto(url);
			await waitForRow(contrast, /Balakumaran Kannan · System Programmer/);
			expect(await colourOfName(contrast)).not.toBe(await colourOfName(normal));
		} finally {
			await normal.close();
			await contrast.close();
		}
	});
});

describe('the page on a phone', () => {
	it('is the plain résumé first (no keyboard to drive the TUI), with the terminal a link away', async () => {
		const phone = await launchChromium({viewport: {width: 390, height: 760}, isMobile: true, hasTouch: true});
		try {
			const page = await phone.newPage();
			await page.goto(url);
			await page.waitForFunction(() => document.documentElement.classList.contains('can-tui'));
			expect(await page.evaluate(() => document.documentElement.classList.contains('tui'))).toBe(false);
			expect(missingFacts(await page.locator('#resume').innerText())).toEqual([]);
			await page.locator('#to-terminal a').click();
			await waitForRow(page, /Balakumaran Kannan/);
			expect(await page.evaluate(() => document.documentElement.classList.contains('tui'))).toBe(true);
		} finally {
			await phone.close();
		}
	});
});

describe('the page without JavaScript', () => {
	it('is the whole résumé, every fact, as headings, lists and links', async () => {
		const plain = await launchChromium({javaScriptEnabled: false, viewport: {width: 1100, height: 700}});
		try {
			const page = await plain.newPage();
			await page.goto(url);
			const text = await page.locator('body').innerText();
			expect(missingFacts(text)).toEqual([]);
			expect(await page.locator('h1').textContent()).toBe('Balakumaran Kannan · System Programmer');
			expect(await page.locator('h2').allTextContents()).toEqual(['About', 'Experience', 'Work highlights', 'Projects', 'Patents', 'Education', 'Skills', 'Contact']);
			expect(await page.locator('.xterm').count()).toBe(0);
			expect(await page.locator('a[href="https://github.com/0xba1a"]').count()).toBeGreaterThan(0);
		} finally {
			await plain.close();
		}
	});
});
