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
};

export function inkFrameCache(options?: InkFrameCacheOptions): Plugin;
export default inkFrameCache;
