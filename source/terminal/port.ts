// A terminal the app can run on: the local one, an SSH channel or a browser's.

/** A terminal's size in cells. */
export type Size = {readonly columns: number; readonly rows: number};

export type TerminalPort = {
	/** Key input, as Ink reads it (a TTY ReadStream, or a stand-in with the same methods). */
	readonly stdin: NodeJS.ReadStream;
	readonly write: (data: string) => void;
	readonly size: () => Size;
	/** Calls the listener on every resize; returns the unsubscribe function. */
	readonly onResize: (listener: () => void) => () => void;
};
