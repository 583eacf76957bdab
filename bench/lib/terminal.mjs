// A program in a pseudo-terminal of a set size, with the time of every chunk of its output and of
// every completed synchronized update (`CSI ? 2026 l`, the end of a frame the Screen painted).
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import xterm from '@xterm/headless';
import pty from 'node-pty';

export const frameEnd = '\u001B[?2026l';

/**
 * The environment the benchmarks and the package test run programs in: the caller's, without
 * CI variables unless asked for, and without NODE_EXTRA_CA_CERTS, which this workplace sets and
 * which makes every Node.js start read a certificate file (~45 ms) that a user's machine does not.
 */
export function cleanEnv(extra = {}) {
	const env = {...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8'};
	for (const name of ['NODE_EXTRA_CA_CERTS', 'CI', 'NO_COLOR', 'FORCE_COLOR', 'COLORTERM', 'NODE_OPTIONS']) {
		delete env[name];
	}

	for (const [name, value] of Object.entries(extra)) {
		if (value === undefined) {
			delete env[name];
		} else {
			env[name] = value;
		}
	}

	return env;
}

/** Spawns `file args` in a cols×rows pseudo-terminal; time 0 is just before the spawn. */
export function spawnInTerminal(file, args = [], {cols = 100, rows = 30, env = cleanEnv(), cwd = process.cwd(), isSilent = false} = {}) {
	const start = performance.now();
	const child = pty.spawn(file, args, {name: 'xterm-256color', cols, rows, cwd, env});
	const screen = new xterm.Terminal({cols, rows, allowProposedApi: true});
	let output = '';
	let parsed = Promise.resolve();
	const frames = [];
	const waiters = new Set();
	let exitInfo;
	// Answer what the program asks the terminal (DA1, cursor position…) as a real one would: the
	// app's background-colour probe would otherwise wait out its timeout before the first frame.
	// A silent terminal (isSilent) answers nothing, as some do: the probe then waits its timeout.
	screen.onData((reply) => {
		if (!exitInfo && !isSilent) {
			child.write(reply);
		}
	});
	const check = () => {
		for (const waiter of waiters) {
			waiter();
		}
	};

	child.onData((data) => {
		const now = performance.now() - start;
		const before = output.length;
		output += data;
		// A frame end may straddle two chunks: search from just before this one.
		for (let at = output.indexOf(frameEnd, Math.max(0, before - frameEnd.length + 1)); at !== -1; at = output.indexOf(frameEnd, at + 1)) {
			frames.push({at: now, offset: at + frameEnd.length});
		}

		parsed = new Promise((resolve) => {
			screen.write(data, resolve);
		});
		check();
	});
	const exit = new Promise((resolve) => {
		child.onExit((info) => {
			exitInfo = {...info, at: performance.now() - start};
			// Let the last chunks of output arrive and be parsed before anyone looks.
			setImmediate(async () => {
				await parsed;
				resolve(exitInfo);
				check();
			});
		});
	});

	const session = {
		pid: child.pid,
		start,
		exit,
		/** Milliseconds since the spawn. */
		now: () => performance.now() - start,
		output: () => output,
		/** Each completed frame: when it arrived and where it ends in output(). */
		frames: () => frames,
		write(data) {
			const at = performance.now() - start;
			child.write(data);
			return at;
		},
		/** The screen's rows, right-trimmed, once everything received so far is parsed. */
		async screen() {
			await parsed;
			const buffer = screen.buffer.active;
			return Array.from({length: rows}, (_, row) => buffer.getLine(row)?.translateToString(true) ?? '');
		},
		/** Resolves with the predicate's value once truthy; rejects on exit or after `timeout` ms. */
		waitFor(predicate, {timeout = 20_000, what = 'a condition'} = {}) {
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => done(new Error(`timed out after ${timeout} ms waiting for ${what}`)), timeout);
				const done = (error, value) => {
					waiters.delete(waiter);
					clearTimeout(timer);
					if (error) {
						reject(error);
					} else {
						resolve(value);
					}
				};

				function waiter() {
					const value = predicate(session);
					if (value) {
						done(undefined, value);
					} else if (exitInfo) {
						done(new Error(`exited (${JSON.stringify(exitInfo)}) before ${what}; output: ${JSON.stringify(output.slice(-400))}`));
					}
				}

				waiters.add(waiter);
				waiter();
			});
		},
		/** The first frame that ends after `time` (ms since the spawn). */
		frameAfter(time, options) {
			return session.waitFor(() => frames.find((frame) => frame.at >= time), {what: `a frame after ${time.toFixed(1)} ms`, ...options});
		},
		/** Ends the program (SIGKILL) unless it has exited; resolves once it has. */
		async kill() {
			if (!exitInfo) {
				try {
					process.kill(child.pid, 'SIGKILL');
				} catch {}
			}

			await exit;
			screen.dispose();
		},
	};
	return session;
}
