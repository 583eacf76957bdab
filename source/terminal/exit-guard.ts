// The one place a local terminal is handed back on the way out: a signal, an uncaught error or
// a rejected promise restores it, says what failed in one line, and exits with the usual code.
const signals = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

/** Until the returned function is called, any way out of the process runs `restore` first. */
export function guardExit(restore: () => void): () => void {
	const handlers = Object.entries(signals).map(([signal, code]) => {
		const handler = (): void => {
			restore();
			process.exit(code);
		};

		process.once(signal, handler);
		return [signal, handler] as const;
	});
	const fail = (error: unknown): void => {
		restore();
		process.stderr.write(`balakumaran: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	};

	process.once('uncaughtException', fail);
	process.once('unhandledRejection', fail);
	return () => {
		for (const [signal, handler] of handlers) {
			process.off(signal, handler);
		}

		process.off('uncaughtException', fail);
		process.off('unhandledRejection', fail);
	};
}
