// How the terminal's rows and columns are shared out. Nothing is ever drawn taller or wider
// than the terminal; below the minimum a one-line notice is shown instead.

import type {Size} from '../terminal/port.js';

export const minColumns = 40;
export const minRows = 12;

export type ScreenPlan =
	| {readonly kind: 'too-small'}
	| {
			readonly kind: 'full';
			/** One header line instead of the full header. */
			readonly isCompactHeader: boolean;
			/** No side menu; the section title doubles as the menu. */
			readonly isCompactMenu: boolean;
			readonly menuWidth: number;
			readonly paneWidth: number;
			/** Rows between the header rule and the footer. */
			readonly bodyHeight: number;
			/** Rows of scrolling content in the detail pane (below its title). */
			readonly viewportHeight: number;
			/** Columns of text in the detail pane (after the cursor gutter). */
			readonly textWidth: number;
	  };

export const gutterWidth = 2;

export function planScreen(size: Size, headerHeight: (width: number, isCompact: boolean) => number, menuTitleWidth: number): ScreenPlan {
	if (size.columns < minColumns || size.rows < minRows) {
		return {kind: 'too-small'};
	}

	const isCompactHeader = size.rows < 20;
	const isCompactMenu = size.columns < 60;
	const menuWidth = isCompactMenu ? 0 : menuTitleWidth + 4;
	const paneWidth = size.columns - menuWidth;
	const bodyHeight = size.rows - headerHeight(size.columns, isCompactHeader) - 2;
	return {
		kind: 'full',
		isCompactHeader,
		isCompactMenu,
		menuWidth,
		paneWidth,
		bodyHeight,
		viewportHeight: Math.max(1, bodyHeight - 1),
		textWidth: paneWidth - gutterWidth,
	};
}
