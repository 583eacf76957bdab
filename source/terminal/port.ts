// A terminal the app can run on: the local one or an SSH channel.
import type {Size} from '../view/screen-plan.js';

export type TerminalPort = {
	/** Key input, as Ink reads it (a TTY ReadStream, or a stand-in with the same methods). */
	readonly stdin: NodeJS.ReadStream;
	readonly write: (data: string) => void;
	readonly size: () => Size;
	/** Calls the listener on every resize; returns the unsubscribe function. */
	readonly onResize: (listener: () => void) => () => void;
};
