// Types for pty-terminal.mjs.

export declare const projectRoot: string;
/** The built CLI, dist/cli.cjs. */
export declare const cliPath: string;

export type KeyName =
	| 'up'
	| 'down'
	| 'right'
	| 'left'
	| 'home'
	| 'end'
	| 'pageup'
	| 'pagedown'
	| 'enter'
	| 'escape'
	| 'tab'
	| 'shift-tab'
	| 'space'
	| 'backspace'
	| `ctrl-${string}`
	| (string & {});

export declare const keyCodes: Readonly<Record<string, string>>;
/** The bytes a terminal sends for a key name ('down', 'ctrl-c', 'shift-tab') or one character. */
export declare function keyBytes(name: KeyName): string;
export declare function terminalEnv(extra?: Readonly<Record<string, string | undefined>>): Record<string, string>;
export declare function childPids(pid: number): number[];

export type CellColor =
	| {readonly mode: 'default'}
	| {readonly mode: 'palette'; readonly index: number}
	| {readonly mode: 'rgb'; readonly rgb: number};

export type Cell = {
	/** Column of the cell; a wide character covers x and x + 1. */
	readonly x: number;
	readonly char: string;
	readonly width: number;
	readonly fg: CellColor;
	readonly bg: CellColor;
	readonly bold: boolean;
	readonly dim: boolean;
	readonly italic: boolean;
	readonly underline: boolean;
	readonly inverse: boolean;
};

export type ExitInfo = {readonly exitCode: number; readonly signal: number};

export type SpawnOptions = {
	/** Default: this node binary. */
	readonly file?: string;
	/** Default: [dist/cli.cjs]. */
	readonly args?: readonly string[];
	readonly cols?: number;
	readonly rows?: number;
	/** Default: terminalEnv(). */
	readonly env?: Readonly<Record<string, string>>;
	readonly cwd?: string;
};

export type WaitOptions = {
	/** Milliseconds; default 10 000. */
	readonly timeout?: number;
	/** Named in the error on timeout or exit. */
	readonly what?: string;
};

export type TerminalSession = {
	readonly pid: number;
	readonly cols: number;
	readonly rows: number;
	/** Settles once the program has exited and its last output is on the screen. */
	readonly exit: Promise<ExitInfo>;
	readonly exitInfo: ExitInfo | undefined;
	/** Rows of the active buffer, right-trimmed. */
	screen(): string[];
	text(): string;
	/** The screen, framed, for error messages. */
	describe(): string;
	bufferLines(type?: 'normal' | 'alternate'): string[];
	/** Cells of a row of the active buffer, the second half of wide characters left out. */
	cells(row: number): Cell[];
	isAlternateScreen(): boolean;
	/** DECTCEM as last set by the program. */
	isCursorVisible(): boolean;
	/** Inside a synchronized update (`CSI ? 2026 h` … `l`): the screen may show half a frame. */
	isPainting(): boolean;
	/** Synchronized updates completed so far. */
	paintCount(): number;
	/** Lines scrolled off the top of each buffer by output (resizes excluded). */
	scrolledLines(): {normal: number; alternate: number};
	/** Everything the program wrote, decoded as UTF-8. */
	output(): string;
	write(data: string): void;
	/** Writes each key separately, as typed. */
	press(...keys: KeyName[]): void;
	resize(cols: number, rows: number): void;
	/** Sends a signal to the spawned process. */
	signal(name: NodeJS.Signals): void;
	/**
	 * Resolves with the predicate's value once it is truthy, re-checking after each chunk of
	 * output is parsed; rejects on timeout or when the program exits first.
	 */
	waitFor<T>(predicate: (session: TerminalSession) => T, options?: WaitOptions): Promise<NonNullable<T>>;
	kill(): Promise<void>;
};

export declare function spawnTerminal(options?: SpawnOptions): TerminalSession;
export declare function killAll(): Promise<void>;
