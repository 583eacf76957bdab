// Keys from an SSH channel, shaped like the TTY ReadStream Ink reads: it is always "raw", and
// Ink pulls what arrived with read() after each 'readable' event.
import {EventEmitter} from 'node:events';
import {StringDecoder} from 'node:string_decoder';
/** What limits the keys taken in (the SSH server's per-address budget). */
export type KeyAllowance = {readonly take: (count: number) => number};

/** One key each: an escape sequence (CSI, SS3, Alt+key) or a single character. */
const keyPattern = /\u001B(?:\[[0-?]*[ -/]*[@-~]|O.|[^\u001B])?|[^\u001B]/gsu;

export class ChannelInput extends EventEmitter {
	readonly isTTY = true;
	private pending = '';
	// A multi-byte character split across two SSH packets is joined before Ink sees it.
	private readonly decoder = new StringDecoder('utf8');

	/** Keys beyond the budget are dropped (see the server's KeyBudget); none without one. */
	constructor(private readonly budget?: KeyAllowance) {
		super();
		// Keys that came before Ink listened (it subscribes in an effect, after mounting) are
		// announced again to the listener that arrives.
		this.on('newListener', (event: string) => {
			if (event === 'readable' && this.pending !== '') {
				setImmediate(() => {
					if (this.pending !== '') {
						this.emit('readable');
					}
				});
			}
		});
	}

	/** Queues what arrived for Ink and says so; returns how many keys the budget dropped. */
	push(data: Buffer): number {
		let text = this.decoder.write(data);
		let dropped = 0;
		if (this.budget && text !== '') {
			const keys = text.match(keyPattern) ?? [];
			const allowed = this.budget.take(keys.length);
			if (allowed < keys.length) {
				dropped = keys.length - allowed;
				text = keys.slice(0, allowed).join('');
			}
		}

		this.pending += text;
		if (this.pending !== '') {
			this.emit('readable');
		}

		return dropped;
	}

	read(): string | null {
		const chunk = this.pending;
		this.pending = '';
		return chunk === '' ? null : chunk;
	}

	setRawMode(): this {
		return this;
	}

	setEncoding(): this {
		return this;
	}

	ref(): this {
		return this;
	}

	unref(): this {
		return this;
	}

	resume(): this {
		return this;
	}

	pause(): this {
		return this;
	}

	asReadStream(): NodeJS.ReadStream {
		return this as unknown as NodeJS.ReadStream;
	}
}
