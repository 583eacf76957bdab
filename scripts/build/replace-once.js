// The one way the build edits a dependency's text: each search text must occur exactly once, so a
// dependency that changed stops the build with what was looked for, instead of shipping unpatched.
/**
 * Replaces `search` in `text`, or throws naming the patch, the file and the library to check.
 * @param {string} text
 * @param {string} search
 * @param {string} replacement
 * @param {{patch: string, file: string, library: string}} where
 */
export function replaceOnce(text, search, replacement, {patch, file, library}) {
	const at = text.indexOf(search);
	if (at === -1 || text.includes(search, at + 1)) {
		const found = at === -1 ? 'not found' : 'found more than once';
		throw new Error(`${patch}: ${file}: '${search.trim().split('\n')[0].slice(0, 70)}' ${found}; has ${library} changed?`);
	}

	return text.slice(0, at) + replacement + text.slice(at + search.length);
}
