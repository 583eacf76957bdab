// A terminal screen (rows of cells, as test/e2e/pty-terminal.mjs reads them) drawn as an SVG
// picture: a dark window, a monospace font, colours, bold, dim, italic, underline and inverse.
// Every run of text is stretched to its exact cell width, so box-drawing lines and columns line
// up whatever font the viewer falls back to.

const palette = [
	// black, red, green, yellow, blue, magenta, cyan, white, then their bright forms
	'#282c34', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#abb2bf',
	'#7f848e', '#ff7b86', '#b5e890', '#ffd68a', '#8cc8ff', '#de9bf0', '#7bd3de', '#ffffff',
];
const defaultForeground = '#d7dae0';
const defaultBackground = '#1e2127';

const hex = (value) => `#${value.toString(16).padStart(6, '0')}`;

/** The xterm 256-colour palette: 16 named colours, a 6×6×6 cube, then 24 greys. */
function paletteColor(index) {
	if (index < 16) {
		return palette[index];
	}

	if (index < 232) {
		const levels = [0, 95, 135, 175, 215, 255];
		const cube = index - 16;
		const [r, g, b] = [Math.floor(cube / 36), Math.floor(cube / 6) % 6, cube % 6].map((level) => levels[level]);
		return hex((r << 16) | (g << 8) | b);
	}

	const grey = 8 + (index - 232) * 10;
	return hex((grey << 16) | (grey << 8) | grey);
}

function resolve(color, fallback) {
	if (!color || color.mode === 'default') {
		return fallback;
	}

	return color.mode === 'rgb' ? hex(color.rgb) : paletteColor(color.index);
}

const escapeXml = (text) => text.replaceAll(/[&<>"']/g, (char) => `&#${char.codePointAt(0)};`);

/** The colours a cell is drawn with, inverse applied. */
function colorsOf(cell) {
	let fg = resolve(cell.fg, defaultForeground);
	let bg = resolve(cell.bg, undefined);
	if (cell.inverse) {
		[fg, bg] = [bg ?? defaultBackground, fg];
	}

	return {fg, bg};
}

/**
 * Renders rows of cells to an SVG document.
 * @param {ReadonlyArray<ReadonlyArray<import('../test/e2e/pty-terminal.mjs').Cell>>} rows
 * @param {{columns: number, title?: string, fontSize?: number}} options
 */
export function gridToSvg(rows, {columns, title = '', fontSize = 14}) {
	const cellWidth = Math.round(fontSize * 0.6 * 100) / 100;
	// About the font's full height, so box-drawing verticals (│) join from row to row.
	const cellHeight = Math.round(fontSize * 1.22);
	const padding = 16;
	const barHeight = 32;
	const width = Math.ceil(columns * cellWidth + padding * 2);
	const height = Math.ceil(rows.length * cellHeight + padding * 2 + barHeight);
	const top = barHeight + padding;
	const backgrounds = [];
	const texts = [];
	const x = (column) => (padding + column * cellWidth).toFixed(2);

	for (const [row, cells] of rows.entries()) {
		const y = top + row * cellHeight;
		const baseline = (y + cellHeight * 0.78).toFixed(2);
		// Group cells into runs of one style; a wide character is a run of its own.
		let run;
		const flush = () => {
			if (!run) {
				return;
			}

			const {cell, start, span, text} = run;
			const {fg, bg} = colorsOf(cell);
			if (bg) {
				backgrounds.push(`<rect x="${x(start)}" y="${y}" width="${(span * cellWidth).toFixed(2)}" height="${cellHeight}" fill="${bg}"/>`);
			}

			if (text.trim() !== '') {
				const attributes = [
					`x="${x(start)}"`,
					`y="${baseline}"`,
					`textLength="${(span * cellWidth).toFixed(2)}"`,
					'lengthAdjust="spacingAndGlyphs"',
					fg === defaultForeground ? '' : `fill="${fg}"`,
					cell.bold ? 'font-weight="bold"' : '',
					cell.italic ? 'font-style="italic"' : '',
					cell.dim ? 'opacity="0.6"' : '',
				].filter(Boolean);
				texts.push(`<text ${attributes.join(' ')}>${escapeXml(text)}</text>`);
			}

			if (cell.underline) {
				backgrounds.push(`<rect x="${x(start)}" y="${(y + cellHeight * 0.86).toFixed(2)}" width="${(span * cellWidth).toFixed(2)}" height="1" fill="${fg}"/>`);
			}

			run = undefined;
		};

		const styleKey = (cell) => JSON.stringify([cell.fg, cell.bg, cell.bold, cell.dim, cell.italic, cell.underline, cell.inverse]);
		for (const cell of cells) {
			const key = styleKey(cell);
			if (!run || run.key !== key || cell.width !== 1 || run.isWide) {
				flush();
				run = {key, cell, start: cell.x, span: 0, text: '', isWide: cell.width !== 1};
			}

			run.span += cell.width;
			run.text += cell.char;
		}

		flush();
	}

	const dots = ['#ff5f57', '#febc2e', '#28c840'].map((color, index) => `<circle cx="${padding + 6 + index * 20}" cy="${barHeight / 2 + 2}" r="6" fill="${color}"/>`);
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
		`<rect width="${width}" height="${height}" rx="10" fill="${defaultBackground}"/>`,
		`<rect width="${width}" height="${barHeight}" rx="10" fill="#2c313a"/>`,
		`<rect y="${barHeight - 10}" width="${width}" height="10" fill="#2c313a"/>`,
		...dots,
		title ? `<text x="${width / 2}" y="${barHeight / 2 + 7}" text-anchor="middle" fill="#9da5b4" font-family="sans-serif" font-size="13">${escapeXml(title)}</text>` : '',
		...backgrounds,
		`<g font-family="'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace" font-size="${fontSize}" fill="${defaultForeground}" xml:space="preserve">`,
		...texts,
		'</g>',
		'</svg>',
		'',
	]
		.filter(Boolean)
		.join('\n');
}

/** The active screen of a running session as an SVG picture. */
export function screenToSvg(session, options = {}) {
	const rows = Array.from({length: session.rows}, (_, row) => session.cells(row));
	return gridToSvg(rows, {columns: session.cols, ...options});
}
