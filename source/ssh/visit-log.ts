// The one line logged per connection: when, who (address, the user name they chose), how long,
// bytes each way, why it ended, what was refused. Never key material, never a keystroke.

export type VisitRecord = {
	readonly address: string | undefined;
	readonly family: string | undefined;
	readonly port: number | undefined;
	readonly startedAt: number;
	/** As printableUser made it; undefined before authentication. */
	readonly user?: string;
	readonly bytesIn: number;
	readonly bytesOut: number;
	readonly endReason?: string;
	readonly refused: ReadonlySet<string>;
};

/** Quoted, printable ASCII only, at most 64 characters: the name is the visitor's to choose. */
export function printableUser(name: string): string {
	return JSON.stringify(name.replace(/[^\x20-\x7E]/g, '?').slice(0, 64));
}

export function formatVisitLog(visit: VisitRecord, now = Date.now()): string {
	const address = visit.family === 'IPv6' ? `[${visit.address}]` : (visit.address ?? 'unknown');
	const seconds = ((now - visit.startedAt) / 1000).toFixed(1);
	const refused = visit.refused.size > 0 ? ` refused=${[...visit.refused].join(',')}` : '';
	return (
		`${new Date(now).toISOString()} ${address}:${visit.port ?? 0} user=${visit.user ?? '-'} ` +
		`duration=${seconds}s in=${visit.bytesIn}B out=${visit.bytesOut}B end=${visit.endReason ?? 'client-closed'}${refused}`
	);
}
