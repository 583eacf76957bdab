// Types for terminal-svg.mjs.
import type {Cell, TerminalSession} from '../test/e2e/pty-terminal.mjs';

export type SvgOptions = {
	/** Shown in the window's title bar. */
	readonly title?: string;
	/** Pixels; cells are 0.6 × 1.22 of it. Default 14. */
	readonly fontSize?: number;
};

/** Rows of cells (as TerminalSession.cells returns them) as an SVG document. */
export declare function gridToSvg(rows: ReadonlyArray<readonly Cell[]>, options: SvgOptions & {readonly columns: number}): string;
/** The session's active screen as an SVG document. */
export declare function screenToSvg(session: TerminalSession, options?: SvgOptions): string;
