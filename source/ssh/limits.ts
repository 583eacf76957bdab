// Who may connect: a global cap, a per-address cap and a per-address rate. A connection over a
// limit is still let in far enough to be told why (a polite line, then close); one far over it
// (a flood) is dropped before the handshake, so refusing costs no crypto.

export type Limits = {
	/** Connections holding a session, server-wide. */
	readonly maxSessions: number;
	/** Concurrent connections from one address. */
	readonly maxPerAddress: number;
	/** New connections from one address in any 60 s. */
	readonly connectionsPerMinute: number;
	/** From TCP accept to a successful login. */
	readonly loginTimeoutMs: number;
	/** Without a key press or a resize. */
	readonly idleTimeoutMs: number;
	/** From login, whatever happens. */
	readonly maxSessionMs: number;
	/** Keys a second from one address, all its sessions together (bursts of twice that pass). */
	readonly keysPerSecond: number;
	/**
	 * Not a limit but a cost: how long after a visitor's last key their app stays mounted. Then it is
	 * unmounted, the screen left as it is, and the next key mounts it again in a few milliseconds.
	 */
	readonly unmountAfterMs: number;
};

export const defaultLimits: Limits = {
	maxSessions: 200,
	maxPerAddress: 5,
	connectionsPerMinute: 20,
	loginTimeoutMs: 10_000,
	idleTimeoutMs: 10 * 60_000,
	maxSessionMs: 30 * 60_000,
	keysPerSecond: 50,
	unmountAfterMs: 10_000,
};

export type Admission =
	| {readonly kind: 'accept'}
	/** Let in to hear `message`, then closed. */
	| {readonly kind: 'refuse'; readonly reason: string; readonly message: string}
	/** Closed at once, before the handshake. */
	| {readonly kind: 'drop'; readonly reason: string};

const minute = 60_000;
/** Refused-but-talking connections allowed at once, server-wide, beyond the session cap. */
const refusalSlots = 50;

/** "10 minutes", "30 seconds", "1.5 seconds". */
export function formatDuration(ms: number): string {
	const [amount, unit] = ms >= minute && ms % minute === 0 ? [ms / minute, 'minute'] : [ms / 1000, 'second'];
	return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

export class ConnectionLimiter {
	private readonly attempts = new Map<string, number[]>();
	private readonly live = new Map<string, number>();
	private sessions = 0;
	private refusing = 0;

	constructor(
		private readonly limits: Limits,
		private readonly now: () => number = Date.now,
	) {}

	/** Decides on a new connection from `address` and counts it until `release`. */
	admit(address: string): Admission {
		const now = this.now();
		const recent = this.attempts.get(address) ?? [];
		const {maxSessions, maxPerAddress, connectionsPerMinute} = this.limits;
		// The times are in order: the stale ones are at the front (with a raised rate, a filter of
		// the whole list on every connection cost more than the rest of admitting it).
		let stale = 0;
		while (stale < recent.length && now - (recent[stale] ?? now) >= minute) {
			stale++;
		}

		recent.push(now);
		// Enough history to tell a flood; a flood never makes the list grow.
		recent.splice(0, Math.max(stale, recent.length - (2 * connectionsPerMinute + 1)));
		this.attempts.set(address, recent);
		const live = this.live.get(address) ?? 0;

		let admission: Admission = {kind: 'accept'};
		if (recent.length > 2 * connectionsPerMinute || live >= 2 * maxPerAddress || this.refusing >= refusalSlots) {
			admission = {kind: 'drop', reason: 'flood'};
		} else if (recent.length > connectionsPerMinute) {
			admission = {
				kind: 'refuse',
				reason: 'rate-limit',
				message: `Too many new connections from your address (more than ${connectionsPerMinute} a minute); please wait a minute and try again.`,
			};
		} else if (live >= maxPerAddress) {
			admission = {
				kind: 'refuse',
				reason: 'address-limit',
				message: `Too many connections from your address (${maxPerAddress} at once); please close one and try again.`,
			};
		} else if (this.sessions >= maxSessions) {
			admission = {
				kind: 'refuse',
				reason: 'busy',
				message: 'The résumé server has all the visitors it can take right now; please try again in a minute.',
			};
		}

		if (admission.kind !== 'drop') {
			this.live.set(address, live + 1);
			if (admission.kind === 'accept') {
				this.sessions++;
			} else {
				this.refusing++;
			}
		}

		return admission;
	}

	/** The connection admitted with `admission` has closed. */
	release(address: string, admission: Admission): void {
		if (admission.kind === 'drop') {
			return;
		}

		const live = (this.live.get(address) ?? 1) - 1;
		if (live > 0) {
			this.live.set(address, live);
		} else {
			this.live.delete(address);
		}

		if (admission.kind === 'accept') {
			this.sessions--;
		} else {
			this.refusing--;
		}
	}

	/** Forgets addresses with no connection in the last minute, so the table never grows unbounded. */
	sweep(): void {
		const now = this.now();
		for (const [address, times] of this.attempts) {
			if (times.every((time) => now - time >= minute)) {
				this.attempts.delete(address);
			}
		}
	}

	get counts(): {readonly sessions: number; readonly refusing: number; readonly addresses: number} {
		return {sessions: this.sessions, refusing: this.refusing, addresses: this.attempts.size};
	}
}

/**
 * Keys a visitor's address may send, as a token bucket: bursts (key repeat, a short paste) pass,
 * but each key costs a render (~3 ms), so a client streaming input would otherwise take the CPU
 * from everyone else. Shared by all sessions from one address; keys over it are dropped.
 */
export class KeyBudget {
	private tokens: number;
	private updatedAt: number;

	private readonly burst: number;

	constructor(
		private readonly perSecond: number,
		private readonly now: () => number = Date.now,
	) {
		this.burst = 2 * perSecond;
		this.tokens = this.burst;
		this.updatedAt = now();
	}

	/** Takes up to `keys` keys from the budget; returns how many may be used. */
	take(keys: number): number {
		const now = this.now();
		this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) * this.perSecond) / 1000);
		this.updatedAt = now;
		const allowed = Math.min(keys, Math.floor(this.tokens));
		this.tokens -= allowed;
		return allowed;
	}
}
