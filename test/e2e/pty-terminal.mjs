// A program in a real pseudo-terminal, seen through a headless xterm.js of the same size: every
// byte it writes is parsed as a terminal would, so a test (or the screenshot script) reads the
// screen a person would see. Plain JavaScript so scripts/ can run it with node alone.
import {existsSync, readFileSync} from 'node:fs';
import {StringDecoder} from 'node:string_decoder';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import pty from 'node-pty';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cliPath = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));

/** Bytes a terminal sends for each named key; single characters are sent as they are. */
export const keyCodes = Object.freeze({
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	home: '\u001B[H',
	end: '\u001B[F',
	pageup: '\u001B[5~',
	pagedown: '\u001B[6~',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	'shift-tab': '\u001B[Z',
	space: ' ',
	backspace: '\u007F',
});

export function keyBytes(name) {
	if (Object.hasOwn(keyCodes, name)) {
		return keyCodes[name];
	}

	const ctrl = /^ctrl-([a-z])$/.exec(name);
	if (ctrl) {
		return String.fromCodePoint(ctrl[1].codePointAt(0) - 96);
	}

	if ([...name].length === 1) {
		return name;
	}

	throw new Error(`unknown key '${name}'`);
}

/**
 * A small, predictable environment: no CI variables (tests add CI=true themselves), a UTF-8
 * locale and a 256-colour xterm. `undefined` in `extra` removes a variable.
 */
export function terminalEnv(extra = {}) {
	const env = {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', TERM: 'xterm-256color'};
	for (const [name, value] of Object.entries(extra)) {
		if (value === undefined) {
			delete env[name];
		} else {
			env[name] = value;
		}
	}

	return env;
}

function colorOf(cell, layer) {
	const isDefault = layer === 'fg' ? cell.isFgDefault() : cell.isBgDefault();
	if (isDefault) {
		return {mode: 'default'};
	}

	const value = layer === 'fg' ? cell.getFgColor() : cell.getBgColor();
	const isRgb = layer === 'fg' ? cell.isFgRGB() : cell.isBgRGB();
	return isRgb ? {mode: 'rgb', rgb: value} : {mode: 'palette', index: value};
}

/** Process ids of a process's children (Linux), e.g. the app under `sh -c`. */
export function childPids(pid) {
	const file = `/proc/${pid}/task/${pid}/children`;
	return existsSync(file) ? readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : [];
}

const sessions = new Set();

/**
 * Starts `file args` (default: node dist/cli.cjs) in a pty of cols×rows, its output parsed by
 * an xterm of the same size.
 */
export function spawnTerminal(options = {}) {
	const {file = process.execPath, args = [cliPath], cols = 80, rows = 24, env = terminalEnv(), cwd = projectRoot} = options;
	if (file === process.execPath && args.includes(cliPath) && !existsSync(cliPath)) {
		throw new Error(`${cliPath} is missing: run npm run build first`);
	}

	const term = new xterm.Terminal({cols, rows, scrollback: 1000, allowProposedApi: true});
	let isCursorVisible = true;
	const scrolled = {normal: 0, alternate: 0};
	let isResizing = false;
	let transcript = '';
	let isDisposed = false;
	const decoder = new StringDecoder('utf8');

	// The public API hides DECTCEM, so watch `CSI ? … 25 h/l` and let xterm handle it as usual.
	// Synchronized updates (`CSI ? 2026 h/l`) bracket each of the app's paints; xterm applies the
	// content at once anyway, so count them to know whether a paint is half done.
	let isPainting = false;
	let paints = 0;
	const watchModes = (isSet) => (params) => {
		if (params.includes(25)) {
			isCursorVisible = isSet;
		}

		if (params.includes(2026)) {
			isPainting = isSet;
			paints += isSet ? 0 : 1;
		}

		return false;
	};

	term.parser.registerCsiHandler({prefix: '?', final: 'h'}, watchModes(true));
	term.parser.registerCsiHandler({prefix: '?', final: 'l'}, watchModes(false));
	// A full reset (RIS) shows the cursor again.
	term.parser.registerEscHandler({final: 'c'}, () => {
		isCursorVisible = true;
		return false;
	});
	// onScroll also fires when the buffers switch; those events are not scrolling. The normal
	// buffer's scrolled lines are the growth of its scrollback (baseY); the alternate buffer has
	// none, so there each event is a line pushed off the top.
	let lastType = term.buffer.active.type;
	let normalBaseY = 0;
	term.onScroll(() => {
		const buffer = term.buffer.active;
		if (buffer.type !== lastType) {
			lastType = buffer.type;
		} else if (isResizing) {
			// Reflow, not output.
		} else if (buffer.type === 'alternate') {
			scrolled.alternate++;
		} else {
			scrolled.normal += Math.max(0, buffer.baseY - normalBaseY);
		}

		normalBaseY = term.buffer.normal.baseY;
	});

	const proc = pty.spawn(file, args, {name: env.TERM ?? 'xterm-256color', cols, rows, cwd, env, encoding: null});
	let exitInfo;
	const exitListeners = new Set();
	const exit = new Promise((resolve) => {
		proc.onExit((info) => {
			const settle = () => {
				exitInfo = {exitCode: info.exitCode, signal: info.signal ?? 0};
				sessions.delete(session);
				for (const listener of exitListeners) {
					listener();
				}

				resolve(exitInfo);
			};

			// Let xterm parse what is still queued before anyone looks at the screen.
			if (isDisposed) {
				settle();
			} else {
				term.write('', settle);
			}
		});
	});
	// Answer the program's queries (DA1, cursor position, OSC 11 background…) as a terminal would.
	term.onData((reply) => {
		try {
			proc.write(reply);
		} catch {
			// The program has gone; nobody is left to answer.
		}
	});
	proc.onData((data) => {
		if (isDisposed) {
			return;
		}

		term.write(data);
		transcript += decoder.write(data);
	});

	const rowsOf = (buffer, from, count) => {
		const out = [];
		for (let index = from; index < from + count; index++) {
			out.push(buffer.getLine(index)?.translateToString(true) ?? '');
		}

		return out;
	};

	const screen = () => {
		const buffer = term.buffer.active;
		return rowsOf(buffer, buffer.baseY, term.rows);
	};

	const describe = () => `screen (${term.cols}×${term.rows}, ${term.buffer.active.type} buffer):\n${screen().map((line) => `|${line}`).join('\n')}`;

	const session = {
		pid: proc.pid,
		get cols() {
			return term.cols;
		},
		get rows() {
			return term.rows;
		},
		exit,
		get exitInfo() {
			return exitInfo;
		},
		screen,
		text: () => screen().join('\n'),
		describe,
		/** Every line of a buffer, scrollback included, trailing blank lines dropped. */
		bufferLines(type = 'normal') {
			const buffer = term.buffer[type];
			const lines = rowsOf(buffer, 0, buffer.length);
			while (lines.length > 0 && lines.at(-1) === '') {
				lines.pop();
			}

			return lines;
		},
		cells(row) {
			const buffer = term.buffer.active;
			const line = buffer.getLine(buffer.baseY + row);
			const cells = [];
			if (!line) {
				return cells;
			}

			const cell = buffer.getNullCell();
			for (let x = 0; x < term.cols; x++) {
				line.getCell(x, cell);
				const width = cell.getWidth();
				if (width === 0) {
					continue;
				}

				cells.push({
					x,
					char: cell.getChars() || ' ',
					width,
					fg: colorOf(cell, 'fg'),
					bg: colorOf(cell, 'bg'),
					bold: cell.isBold() !== 0,
					dim: cell.isDim() !== 0,
					italic: cell.isItalic() !== 0,
					underline: cell.isUnderline() !== 0,
					inverse: cell.isInverse() !== 0,
				});
			}

			return cells;
		},
		isAlternateScreen: () => term.buffer.active.type === 'alternate',
		isCursorVisible: () => isCursorVisible,
		/** Inside a synchronized update: the screen may show half a frame. */
		isPainting: () => isPainting,
		/** Synchronized updates completed so far. */
		paintCount: () => paints,
		scrolledLines: () => ({...scrolled}),
		output: () => transcript,
		write(data) {
			proc.write(data);
		},
		press(...keys) {
			for (const key of keys) {
				proc.write(keyBytes(key));
			}
		},
		resize(nextCols, nextRows) {
			// The emulator first, so the frame drawn for the new size lands on a grid of that size.
			isResizing = true;
			try {
				term.resize(nextCols, nextRows);
			} finally {
				isResizing = false;
				normalBaseY = term.buffer.normal.baseY;
			}

			proc.resize(nextCols, nextRows);
		},
		signal(name) {
			proc.kill(name);
		},
		waitFor(predicate, {timeout = 10_000, what = 'the condition'} = {}) {
			return new Promise((resolve, reject) => {
				let isSettled = false;
				const finish = (error, value) => {
					if (isSettled) {
						return;
					}

					isSettled = true;
					clearTimeout(timer);
					subscription.dispose();
					exitListeners.delete(onExit);
					if (error) {
						reject(error);
					} else {
						resolve(value);
					}
				};

				const check = () => {
					try {
						const value = predicate(session);
						if (value) {
							finish(undefined, value);
						}
					} catch (error) {
						finish(error);
					}
				};

				const onExit = () => {
					check();
					finish(new Error(`the program exited (${JSON.stringify(exitInfo)}) before ${what}\n${describe()}`));
				};

				const timer = setTimeout(() => finish(new Error(`timed out after ${timeout} ms waiting for ${what}\n${describe()}`)), timeout);
				const subscription = term.onWriteParsed(check);
				exitListeners.add(onExit);
				check();
				if (exitInfo) {
					onExit();
				}
			});
		},
		async kill() {
			if (!exitInfo) {
				try {
					proc.kill('SIGKILL');
				} catch {}

				await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
			}

			sessions.delete(session);
			if (!isDisposed) {
				isDisposed = true;
				term.dispose();
			}
		},
	};
	sessions.add(session);
	return session;
}

/** Kills every session still running (a test's cleanup). */
export async function killAll() {
	await Promise.all([...sessions].map(async (session) => session.kill()));
}
