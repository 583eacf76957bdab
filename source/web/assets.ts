// The page's files, built by `npm run build` into dist/web/ (scripts/build/web-page.js), read once
// into memory. A request can only ever name a key of this map: no path is joined, so nothing
// outside the built files can be read.
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {gzipSync} from 'node:zlib';

export type Asset = {
	readonly body: Buffer;
	/** The same, gzip-compressed, when that is smaller. */
	readonly gzipped?: Buffer;
	readonly type: string;
	/** Content-hashed names never change, so they are cached for a year. */
	readonly isImmutable: boolean;
};

export type WebAssets = {
	/** By URL path: `/assets/<file>`, `/favicon.ico`. */
	readonly files: ReadonlyMap<string, Asset>;
	/** The page's script and stylesheet, as URL paths. */
	readonly script: string;
	readonly stylesheet: string;
};

const types: Readonly<Record<string, string>> = {
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.ico': 'image/x-icon',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.woff2': 'font/woff2',
};

export function asset(body: Buffer, type: string, isImmutable: boolean): Asset {
	const gzipped = type.startsWith('text/') || type.startsWith('image/svg') || type === 'image/x-icon' ? gzipSync(body, {level: 9}) : undefined;
	return {body, type, isImmutable, gzipped: gzipped && gzipped.length < body.length ? gzipped : undefined};
}

export type Manifest = {readonly script: string; readonly stylesheet: string};

/** Reads `dir` (dist/web): its manifest.json, its favicon.ico and every file in assets/. */
export function loadWebAssets(dir: string): WebAssets | string {
	let manifest: Manifest;
	const files = new Map<string, Asset>();
	try {
		manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
		for (const name of readdirSync(path.join(dir, 'assets'))) {
			const type = types[path.extname(name)];
			if (type !== undefined) {
				files.set(`/assets/${name}`, asset(readFileSync(path.join(dir, 'assets', name)), type, true));
			}
		}

		files.set('/favicon.ico', asset(readFileSync(path.join(dir, 'favicon.ico')), 'image/x-icon', false));
	} catch (error) {
		return `cannot read the web page's files in ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)}); run: npm run build`;
	}

	const script = `/assets/${manifest.script}`;
	const stylesheet = `/assets/${manifest.stylesheet}`;
	if (!files.has(script) || !files.has(stylesheet)) {
		return `the web page's files in ${dir} are incomplete; run: npm run build`;
	}

	return {files, script, stylesheet};
}
