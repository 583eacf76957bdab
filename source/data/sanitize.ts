// Every string from a résumé passes through here before anything can draw it: a résumé may come
// from anyone and, over SSH, is drawn in strangers' terminals.
import stripAnsi from 'strip-ansi';

// C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings/overrides/isolates.
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;

/** Removes escape sequences, control characters and bidi overrides; tabs become spaces. */
export function sanitizeText(value: string): string {
	return stripAnsi(value).replace(/\r\n?/g, '\n').replace(unsafe, '').replace(/\t/g, '    ');
}

/** Returns a deep copy of a parsed JSON value with every string sanitised. */
export function sanitizeDeep<T>(value: T): T {
	if (typeof value === 'string') {
		return sanitizeText(value) as T;
	}

	if (Array.isArray(value)) {
		return value.map((item: unknown) => sanitizeDeep(item)) as T;
	}

	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) {
			copy[sanitizeText(key)] = sanitizeDeep(item);
		}

		return copy as T;
	}

	return value;
}
