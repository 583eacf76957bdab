// The web page's own files for `balakumaran serve --web-port`: its script and stylesheet
// (source/web/page/, with xterm.js) under content-hashed names in dist/web/assets/, their names
// in dist/web/manifest.json, and dist/web/favicon.ico. The server reads them into memory at start.
import {mkdir, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {build} from 'esbuild';

const outdir = 'dist/web';

/** A 16×16 icon, drawn here: a prompt (›) and a cursor on the dark background of the terminal view. */
export function favicon() {
	const size = 16;
	const background = [0x16, 0x12, 0x10, 0xff];
	const accent = [0xe0, 0xc8, 0x3a, 0xff];
	const pixels = Buffer.alloc(size * size * 4);
	const isInk = (x, y) => {
		const chevron = y >= 4 && y <= 11 && (x === 3 + (y <= 7 ? y - 4 : 11 - y) || x === 4 + (y <= 7 ? y - 4 : 11 - y));
		const cursor = y >= 10 && y <= 11 && x >= 9 && x <= 13;
		return chevron || cursor;
	};

	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			// BMP rows run bottom to top, in BGRA.
			Buffer.from(isInk(x, y) ? accent : background).copy(pixels, ((size - 1 - y) * size + x) * 4);
		}
	}

	const header = Buffer.alloc(40);
	header.writeUInt32LE(40, 0);
	header.writeInt32LE(size, 4);
	header.writeInt32LE(size * 2, 8); // The colour rows and the AND mask's.
	header.writeUInt16LE(1, 12);
	header.writeUInt16LE(32, 14);
	header.writeUInt32LE(pixels.length, 20);
	const mask = Buffer.alloc(size * 4);
	const image = Buffer.concat([header, pixels, mask]);
	const directory = Buffer.alloc(22);
	directory.writeUInt16LE(1, 2);
	directory.writeUInt16LE(1, 4);
	directory.writeUInt8(size, 6);
	directory.writeUInt8(size, 7);
	directory.writeUInt16LE(1, 10);
	directory.writeUInt16LE(32, 12);
	directory.writeUInt32LE(image.length, 14);
	directory.writeUInt32LE(22, 18);
	return Buffer.concat([directory, image]);
}

export async function buildWebPage() {
	await rm(outdir, {recursive: true, force: true});
	const result = await build({
		entryPoints: ['source/web/page/main.ts'],
		bundle: true,
		platform: 'browser',
		format: 'iife',
		target: ['chrome109', 'firefox115', 'safari15'],
		minify: true,
		legalComments: 'none',
		outdir: path.join(outdir, 'assets'),
		entryNames: 'page-[hash]',
		assetNames: '[name]-[hash]',
		metafile: true,
		logLevel: 'warning',
	});
	const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
	const script = outputs.find((file) => file.endsWith('.js'));
	const stylesheet = outputs.find((file) => file.endsWith('.css'));
	if (!script || !stylesheet) {
		throw new Error(`the web page built without a script or a stylesheet: ${outputs.join(', ')}`);
	}

	await mkdir(outdir, {recursive: true});
	await writeFile(path.join(outdir, 'manifest.json'), `${JSON.stringify({script, stylesheet})}\n`);
	await writeFile(path.join(outdir, 'favicon.ico'), favicon());
	return result;
}
