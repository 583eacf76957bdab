// Which pages may open a session: a WebSocket is not bound by the same-origin policy, so without
// this check any site a visitor opens could start sessions from their browser.

/** The origin of an `--web-origin` value (scheme, host and port only), or undefined if it is not one. */
export function parseOrigin(value: string): string | undefined {
	try {
		const url = new URL(value);
		const isBare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
		return (url.protocol === 'http:' || url.protocol === 'https:') && isBare && !value.endsWith('/') ? url.origin : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Whether a request with these headers may open a session: its Origin is one of `allowed`, or, when
 * none are given, the page's own (`http://` or `https://` the Host it asked for).
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
	if (origin === undefined) {
		return false;
	}

	const wanted = origin.toLowerCase();
	if (allowed.length > 0) {
		return allowed.includes(wanted);
	}

	if (host === undefined || host === '' || !/^[\w.:[\]-]+$/.test(host)) {
		return false;
	}

	const own = host.toLowerCase();
	return wanted === `http://${own}` || wanted === `https://${own}`;
}
