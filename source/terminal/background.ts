// Asks the terminal for its background colour (OSC 11) to pick the light or dark theme. A DA1
// query goes right after it: nearly every terminal answers DA1, so one that ignores OSC 11 is
// known at once instead of after the timeout.
import type {ThemeName} from '../view/theme.js';

const osc11Reply = /\u001B\]11;rgba?:([\da-f]{1,4})\/([\da-f]{1,4})\/([\da-f]{1,4})(?:\/[\da-f]{1,4})?(?:\u0007|\u001B\\)/i;
const da1Reply = /\u001B\[\?[\d;]*c/;

export const backgroundQuery = '\u001B]11;?\u001B\\\u001B[c';

/** "dark" or "light" from an OSC 11 reply, by relative luminance. */
export function themeFromReply(reply: string): Exclude<ThemeName, 'mono'> | undefined {
	const match = osc11Reply.exec(reply);
	if (!match) {
		return undefined;
	}

	const [red, green, blue] = [match[1], match[2], match[3]].map((hex = '0') => Number.parseInt(hex, 16) / (16 ** hex.length - 1));
	const luminance = 0.2126 * (red ?? 0) + 0.7152 * (green ?? 0) + 0.0722 * (blue ?? 0);
	return luminance > 0.5 ? 'light' : 'dark';
}

/** Whether the DA1 answer, which ends a probe, has arrived. */
export function hasProbeEnded(received: string): boolean {
	return da1Reply.test(received);
}

/** The answers removed from what the terminal sent; whatever else arrived (keys) is kept. */
export function withoutReplies(data: string): string {
	return data.replace(osc11Reply, '').replace(da1Reply, '');
}

/** Where the answer comes from: a TTY stream, an SSH channel, a browser's socket. */
export type ProbeInput = {
	on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
	off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
};

export type Probe = {
	/** Settles with the theme that suits the background once the terminal has answered, or undefined at the timeout. */
	readonly theme: Promise<Exclude<ThemeName, 'mono'> | undefined>;
	/** Settles when the probe is over, with what else arrived meanwhile (keys typed), answers removed. */
	readonly done: Promise<string>;
};

/**
 * Sends the query and listens for the answer, at most `timeoutMs` (what arrives past 4 KiB ends
 * it too). The one probe of the local terminal and of every SSH session.
 */
export function probeBackground(input: ProbeInput, write: (data: string) => void, timeoutMs = 120): Probe {
	let finish: () => void = () => {};
	const done = new Promise<string>((resolve) => {
		let received = '';
		finish = () => {
			clearTimeout(timer);
			input.off('data', onData);
			resolve(received);
		};

		const onData = (chunk: Buffer | string): void => {
			received += chunk.toString();
			if (hasProbeEnded(received) || received.length > 4096) {
				finish();
			}
		};

		const timer = setTimeout(finish, timeoutMs);
		input.on('data', onData);
		write(backgroundQuery);
	});
	return {theme: done.then((received) => themeFromReply(received)), done: done.then((received) => withoutReplies(received))};
}
