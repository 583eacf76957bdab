// Paints whole frames into the alternate screen, like less or vim: each changed row is cleared
import type {Size} from './port.js';
// and redrawn in place, nothing is ever written below the last row (so the terminal never
// scrolls), and a resize repaints everything.

const esc = '\u001B[';
const beginSync = `${esc}?2026h`;
const endSync = `${esc}?2026l`;

export const enterFullScreen = `${esc}?1049h${esc}?25l${esc}2J${esc}H`;
export const leaveFullScreen = `${esc}0m${esc}?25h${esc}?1049l`;
// Button presses and the wheel, reported in SGR form (any size of terminal).
export const mouseOn = `${esc}?1000h${esc}?1006h`;
export const mouseOff = `${esc}?1006l${esc}?1000l`;

export class Screen {
	private previous: string[] = [];

	constructor(
		private readonly write: (data: string) => void,
		private readonly size: () => Size,
		private readonly hasMouse = false,
	) {}

	enter(): void {
		this.previous = [];
		this.write(enterFullScreen + (this.hasMouse ? mouseOn : ''));
	}

	/** Draws a frame, rewriting only the rows that changed since the last one. */
	paint(frame: string): void {
		const {rows} = this.size();
		const lines = frame.split('\n').slice(0, rows);
		let out = '';
		const count = Math.max(lines.length, this.previous.length);
		for (let row = 0; row < Math.min(count, rows); row++) {
			const line = lines[row] ?? '';
			if (line !== this.previous[row]) {
				// Clear first, then write: erasing after a full-width line would eat its last cell.
				out += `${esc}${row + 1};1H${esc}2K${line}${esc}0m`;
			}
		}

		this.previous = lines;
		if (out !== '') {
			this.write(beginSync + out + endSync);
		}
	}

	/** Forgets what is on screen and clears it; the next frame is drawn in full. */
	invalidate(): void {
		this.previous = [];
		this.write(`${esc}0m${esc}2J`);
	}

	leave(): void {
		this.write((this.hasMouse ? mouseOff : '') + leaveFullScreen);
	}
}
