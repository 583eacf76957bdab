// Writes a screen reader's frames as lines in the terminal's own scrollback, like a command-line
// program: no alternate screen, no cursor moves across the screen, nothing a reader already heard
// written again. Each frame is compared with the last: only the lines from the first that
// differs are written, below what is there; a change to the last line alone (a prompt being
// typed, the section list's choice) edits that line in place, as a line editor does.
import stringWidth from 'string-width';
import type {Size} from './port.js';

const esc = '\u001B[';

/** What the host paints frames with: the Screen (full screen) or a Transcript (lines). */
export type FramePainter = {
	readonly enter: () => void;
	readonly paint: (frame: string) => void;
	readonly invalidate: () => void;
	readonly leave: () => void;
};

export class Transcript implements FramePainter {
	/** The last frame's lines. */
	private shown: string[] = [];
	/** The line the cursor is at the end of, when it is the last frame's last line. */
	private live: string | undefined;
	private hasWritten = false;

	constructor(
		private readonly write: (data: string) => void,
		private readonly size: () => Size,
	) {}

	enter(): void {
		this.shown = [];
		this.live = undefined;
	}

	paint(frame: string): void {
		const lines = frame === '' ? [] : frame.split('\n');
		const {shown} = this;
		let same = 0;
		while (same < lines.length && same < shown.length && lines[same] === shown[same]) {
			same++;
		}

		this.shown = lines;
		if (same === lines.length) {
			// Nothing new: what is left of the last frame on screen was said already.
			if (lines.length !== shown.length) {
				this.live = undefined;
			}

			return;
		}

		const last = lines.at(-1) ?? '';
		if (same === lines.length - 1 && shown.length === lines.length && this.live !== undefined && this.live === shown[same] && this.edit(this.live, last)) {
			this.live = last;
			return;
		}

		// Lines end in CR LF: over SSH no terminal driver on our side adds the CR.
		this.write((this.hasWritten ? '\r\n' : '') + lines.slice(same).join('\r\n'));
		this.hasWritten = true;
		this.live = last;
	}

	/** Rewrites the end of the line the cursor is on from `before` to `after`; false if either wraps. */
	private edit(before: string, after: string): boolean {
		const {columns} = this.size();
		if (stringWidth(before) >= columns || stringWidth(after) >= columns) {
			return false;
		}

		const beforeChars = [...before];
		const afterChars = [...after];
		let kept = 0;
		while (kept < beforeChars.length && kept < afterChars.length && beforeChars[kept] === afterChars[kept]) {
			kept++;
		}

		const back = stringWidth(beforeChars.slice(kept).join(''));
		this.write((back > 0 ? `${esc}${back}D${esc}K` : '') + afterChars.slice(kept).join(''));
		return true;
	}

	/** A resize changes nothing in lines already written. */
	invalidate(): void {}

	/** Ends the last line, so whatever comes next (the shell's prompt) starts on a line of its own. */
	leave(): void {
		if (this.hasWritten) {
			this.write('\r\n');
			this.hasWritten = false;
		}
	}
}
