// What a terminal shows for a frame, cell by cell: character, width, colours and attributes as
// xterm.js draws them, plus the OSC 8 link targets of each row. Two frames that give equal cells
// look the same, whatever escape codes they were written with.
import xterm from '@xterm/headless';
import type {Size} from '../../source/terminal/port.js';

export async function screenCells(frame: string, size: Size): Promise<string[]> {
	const terminal = new xterm.Terminal({cols: size.columns, rows: size.rows, allowProposedApi: true});
	const rows = frame.split('\n');
	await new Promise<void>((resolve) => {
		terminal.write(rows.map((row, index) => `\u001B[${index + 1};1H${row}\u001B[0m`).join(''), resolve);
	});
	const buffer = terminal.buffer.active;
	const cells: string[] = [];
	for (let y = 0; y < size.rows; y++) {
		const line = buffer.getLine(y);
		let row = '';
		for (let x = 0; x < size.columns; x++) {
			const cell = line?.getCell(x);
			if (!cell) {
				continue;
			}

			const attributes = [
				cell.getFgColorMode(),
				cell.getFgColor(),
				cell.getBgColorMode(),
				cell.getBgColor(),
				cell.isBold(),
				cell.isDim(),
				cell.isItalic(),
				cell.isUnderline(),
				cell.isInverse(),
			].join(',');
			row += `${cell.getChars() || ' '}:${cell.getWidth()}:${attributes}|`;
		}

		const links = [...(rows[y] ?? '').matchAll(/\u001B\]8;[^;]*;([^\u0007\u001B]*)/g)].map((match) => match[1]).filter(Boolean);
		cells.push(`${row} links=${links.join(' ')}`);
	}

	terminal.dispose();
	return cells;
}
