// What opening or copying a link does on a terminal.

/** Opens http, https, mailto and tel links with the `open` package; the URL stays visible. */
export function openLink(url: string): string {
	// Loaded on first use: opening a link is rare, starting up is not.
	import('open')
		.then(async ({default: open}) => open(url))
		.catch(() => {});
	return `Opening ${url}`;
}

/** The OSC 52 sequence that asks the terminal to put text on the clipboard. */
export function osc52(text: string): string {
	return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}
