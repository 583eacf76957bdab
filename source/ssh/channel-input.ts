// Keys from an SSH channel, shaped like the TTY ReadStream Ink reads: it is always "raw", and
// Ink pulls what arrived with read() after each 'readable' event.
import {EventEmitter} from 'node:events';
import {StringDecoder} from 'node:string_decoder';

export class ChannelInput extends EventEmitter {
	readonly isTTY = true;
	private pending = '';
	// A multi-byte character split across two SSH packets is joined before Ink sees it.
	private readonly decoder = new StringDecoder('utf8');

	constructor() {
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

	push(data: Buffer): void {
		this.pending += this.decoder.write(data);
		if (this.pending !== '') {
			this.emit('readable');
		}
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
