// The messages a page may send. Text frames are JSON control messages, and the only one is a
// resize; binary frames are the terminal's input bytes. Anything else ends the session.

/** Past this a message is not one a terminal sends: ws closes the socket with 1009. */
export const maxMessageBytes = 4096;

export const closeCodes = {
	normal: 1000,
	goingAway: 1001,
	/** A message that breaks these rules (RFC 6455 "policy violation"). */
	policy: 1008,
	tooBig: 1009,
	restart: 1012,
	/** A limit: come back later. */
	tryAgainLater: 1013,
} as const;

export type Resize = {readonly type: 'resize'; readonly cols: number; readonly rows: number};

const clamp = (value: number): number => Math.min(1000, Math.max(1, Math.floor(value)));

/** The resize a text message asks for (its size clamped to 1–1000), or undefined if it is not one. */
export function parseControl(text: string): Resize | undefined {
	let message: unknown;
	try {
		message = JSON.parse(text);
	} catch {
		return undefined;
	}

	if (typeof message !== 'object' || message === null || Array.isArray(message)) {
		return undefined;
	}

	const {type, cols, rows, ...rest} = message as Record<string, unknown>;
	if (type !== 'resize' || typeof cols !== 'number' || typeof rows !== 'number' || !Number.isFinite(cols) || !Number.isFinite(rows) || Object.keys(rest).length > 0) {
		return undefined;
	}

	return {type, cols: clamp(cols), rows: clamp(rows)};
}

/** A close frame's reason is at most 123 bytes of UTF-8; a longer message is cut at a character. */
export function closeReason(message: string): string {
	let reason = message;
	while (Buffer.byteLength(reason) > 123) {
		reason = [...reason].slice(0, -1).join('');
	}

	return reason;
}
