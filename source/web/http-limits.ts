// What one address may ask of the HTTP side: open connections at once, and requests a minute.
// Sessions (WebSockets) are counted with SSH connections by the server's ConnectionLimiter.

export type HttpLimits = {
	/** Open HTTP connections from one address (a browser opens up to six). */
	readonly connectionsPerAddress: number;
	/** Requests from one address in any minute (a page load is four). */
	readonly requestsPerMinute: number;
};

export const defaultHttpLimits: HttpLimits = {connectionsPerAddress: 16, requestsPerMinute: 300};

/**
 * The HTTP caps for the server's session limits: the defaults, or more when the per-address limits
 * were raised (behind a proxy or a NAT, many visitors share one address).
 */
export function httpLimitsFor(limits: {readonly maxPerAddress: number; readonly connectionsPerMinute: number}): HttpLimits {
	return {
		connectionsPerAddress: Math.max(defaultHttpLimits.connectionsPerAddress, 3 * limits.maxPerAddress),
		requestsPerMinute: Math.max(defaultHttpLimits.requestsPerMinute, 15 * limits.connectionsPerMinute),
	};
}

const minute = 60_000;

export class HttpLimiter {
	private readonly open = new Map<string, number>();
	private readonly windows = new Map<string, {start: number; count: number}>();

	constructor(
		private readonly limits: HttpLimits = defaultHttpLimits,
		private readonly now: () => number = Date.now,
	) {}

	/** Counts a new connection from `address`; false (and not counted) over the cap. */
	connect(address: string): boolean {
		const open = this.open.get(address) ?? 0;
		if (open >= this.limits.connectionsPerAddress) {
			return false;
		}

		this.open.set(address, open + 1);
		return true;
	}

	/** A connection counted by `connect` has closed, or become a session. */
	disconnect(address: string): void {
		const open = (this.open.get(address) ?? 1) - 1;
		if (open > 0) {
			this.open.set(address, open);
		} else {
			this.open.delete(address);
		}
	}

	/** Counts a request from `address`; false over the rate. */
	request(address: string): boolean {
		const now = this.now();
		let window = this.windows.get(address);
		if (!window || now - window.start >= minute) {
			window = {start: now, count: 0};
			this.windows.set(address, window);
		}

		window.count++;
		return window.count <= this.limits.requestsPerMinute;
	}

	/** Forgets addresses with no request in the last minute. */
	sweep(): void {
		const now = this.now();
		for (const [address, window] of this.windows) {
			if (now - window.start >= minute) {
				this.windows.delete(address);
			}
		}
	}

	get counts(): {readonly connections: number; readonly addresses: number} {
		let connections = 0;
		for (const open of this.open.values()) {
			connections += open;
		}

		return {connections, addresses: this.windows.size};
	}
}
