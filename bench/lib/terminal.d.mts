// Types for terminal.mjs, for the package test.

export declare const frameEnd: string;
export declare function cleanEnv(extra?: Readonly<Record<string, string | undefined>>): Record<string, string>;

export type Frame = {readonly at: number; readonly offset: number};
export type ExitInfo = {readonly exitCode: number; readonly signal?: number; readonly at: number};

export type TerminalSession = {
	readonly pid: number;
	readonly start: number;
	readonly exit: Promise<ExitInfo>;
	now(): number;
	output(): string;
	frames(): readonly Frame[];
	write(data: string): number;
	screen(): Promise<string[]>;
	waitFor<T>(predicate: (session: TerminalSession) => T, options?: {timeout?: number; what?: string}): Promise<NonNullable<T>>;
	frameAfter(time: number, options?: {timeout?: number; what?: string}): Promise<Frame>;
	kill(): Promise<void>;
};

export declare function spawnInTerminal(
	file: string,
	args?: readonly string[],
	options?: {cols?: number; rows?: number; env?: Readonly<Record<string, string>>; cwd?: string; isSilent?: boolean},
): TerminalSession;
