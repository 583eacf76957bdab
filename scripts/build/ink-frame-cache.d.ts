import type {Plugin} from 'esbuild';

export type InkFrameCacheOptions = {
	/** Entries each cache kept across frames may hold before it starts again empty. */
	readonly limits?: {
		/** Lines of text turned into styled characters. */
		readonly styledLines?: number;
		/** Strings (lines and single characters) and their widths. */
		readonly widths?: number;
		/** Whole texts and their widest line. */
		readonly blocks?: number;
	};
	/** Whose files to patch (default: both Ink and @alcalzone/ansi-tokenize). */
	readonly packages?: ReadonlyArray<'ink' | '@alcalzone/ansi-tokenize'>;
};

export function inkFrameCache(options?: InkFrameCacheOptions): Plugin;
export default inkFrameCache;
