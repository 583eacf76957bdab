// The TUI on the local terminal, from its first frame. The bin paints the view and answers keys
// through the store itself while the Ink app is decompressed, compiled and warmed up; then Ink
// takes over the same screen from the same state, so the reader never waits on it.
import supportsHyperlinks from 'supports-hyperlinks';
import type {Resume} from '../data/schema.js';
import {initialUi, type Effect} from '../model/controller.js';
import {pressInput} from '../model/input.js';
import {decodeInput} from '../model/key-decoder.js';
import {initialNavState} from '../model/navigation.js';
import {createStore} from '../model/store.js';
import {probeBackground} from '../terminal/background.js';
import {ChannelInput} from '../terminal/channel-input.js';
import type {ColorLevel} from '../terminal/color.js';
import {guardExit} from '../terminal/exit-guard.js';
import {openLink, osc52} from '../terminal/links.js';
import type {TerminalPort} from '../terminal/port.js';
import {Screen} from '../terminal/screen.js';
import {frame} from '../view/frame.js';
import {createTheme, withScreenReader, type Style, type ThemeName} from '../view/theme.js';
import {createView, type View} from '../view/view.js';
import {loadApp} from './load-app.js';

export type TuiStart = {
	readonly resume: Resume;
	readonly level: ColorLevel;
	/** The theme asked for; else the one that suits the terminal's background, else dark. */
	readonly theme?: ThemeName;
	/** Open at this section with its first entry focused. */
	readonly initialSection?: number;
	readonly hasMouse: boolean;
	/** Lines of words for a screen reader (written by Ink's screen-reader output), not a full screen. */
	readonly isScreenReader?: boolean;
};

/** How the app draws on this terminal with a theme at a colour level. */
export function localStyleOf(theme: ThemeName, level: ColorLevel): Style {
	return {theme: createTheme(theme, level), hasHyperlinks: level > 0 && supportsHyperlinks.stdout};
}

/**
 * How long the first frame waits for the terminal to say its background. A local terminal answers
 * within a few milliseconds; one that never answers gets the dark theme at once, and a late answer
 * still repaints in the theme that suits it.
 */
const backgroundGraceMs = 15;

/**
 * How long the keyboard must have been still before the next step of loading the Ink app runs.
 * Each step (compiling it, running it, mounting it offscreen, each warm-up key, the takeover) is a
 * few to a few tens of milliseconds the bin cannot answer keys in; taken only in a pause of the
 * reader's typing, no key waits for one.
 */
const quietMs = 50;

/** A screen reader gets no full-screen frame and no colour: Ink writes it lines from the first. */
async function startScreenReader(port: TerminalPort, options: TuiStart): Promise<never> {
	port.stdin.setRawMode?.(true);
	const style = withScreenReader(localStyleOf(options.theme ?? 'dark', 0));
	const view = createView(options.resume, port.size(), style);
	const nav = options.initialSection === undefined ? initialNavState : {...initialNavState, section: options.initialSection, focus: 'detail' as const};
	const store = createStore(initialUi(nav), view.env, () => undefined);
	const app = await loadApp();
	await app.inkReady;
	return app.runLocal(port, {resume: options.resume, style, store, hasMouse: false, initialSection: options.initialSection});
}

export async function startTui(port: TerminalPort, options: TuiStart): Promise<never> {
	if (options.isScreenReader) {
		return startScreenReader(port, options);
	}

	const {resume, level, hasMouse} = options;
	const {stdin} = port;
	stdin.setRawMode?.(true);
	stdin.setEncoding('utf8');
	const screen = new Screen(port.write, port.size, hasMouse);
	const restore = (): void => {
		screen.leave();
		stdin.setRawMode?.(false);
	};

	// Kept for the whole run: the screen it restores is the one Ink draws on after taking over.
	guardExit(restore);
	// Only a terminal that will show colour is asked; it answers while the view is laid out for dark.
	const probe = options.theme === undefined && level > 0 ? probeBackground(stdin, port.write) : undefined;
	stdin.resume();
	let view: View = createView(resume, port.size(), localStyleOf(options.theme ?? 'dark', level));
	const early = probe ? await Promise.race([probe.theme, new Promise<undefined>((resolve) => {
			setTimeout(() => {
				resolve(undefined);
			}, backgroundGraceMs);
		})]) : undefined;
	if (early === 'light') {
		view = createView(resume, port.size(), localStyleOf('light', level));
	}

	const runEffect = (effect: Effect): string | undefined => {
		switch (effect.type) {
			case 'quit': {
				restore();
				return process.exit(0);
			}

			case 'open-link': {
				return openLink(effect.url);
			}

			case 'copy-link': {
				port.write(osc52(effect.url));
				return `Copied ${effect.url}`;
			}
		}
	};

	const nav = options.initialSection === undefined ? initialNavState : {...initialNavState, section: options.initialSection, focus: 'detail' as const};
	const store = createStore(initialUi(nav), view.env, runEffect);
	const paint = (): void => {
		screen.paint(frame(view, store.getState()));
	};

	const relayOut = (style: Style): void => {
		view = createView(resume, port.size(), style);
		store.setEnv(view.env);
	};

	screen.enter();
	paint();
	const unsubscribe = store.subscribe(paint);
	let lastKeyAt = performance.now();
	/** Settles once keys already read are answered and the keyboard has been still for quietMs. */
	const whenQuiet = async (): Promise<void> => {
		await new Promise((resolve) => {
			setImmediate(resolve);
		});
		for (let wait = lastKeyAt + quietMs - performance.now(); wait > 0; wait = lastKeyAt + quietMs - performance.now()) {
			await new Promise((resolve) => {
				setTimeout(resolve, wait);
			});
		}
	};

	const onKeys = (data: string | Buffer): void => {
		lastKeyAt = performance.now();
		for (const event of decodeInput(data.toString())) {
			pressInput(store, event.input, event.key, view.plan.kind === 'too-small');
		}
	};

	// Keys typed during the probe come first, then every key as it arrives.
	const listening = (probe?.done ?? Promise.resolve('')).then((typed) => {
		onKeys(typed);
		stdin.on('data', onKeys);
	});
	void probe?.theme.then((theme) => {
		if (theme === 'light' && view.style.theme.name !== 'light') {
			relayOut(localStyleOf('light', level));
			screen.invalidate();
			paint();
		}
	});
	const stopResizing = port.onResize(() => {
		relayOut(view.style);
		screen.invalidate();
		paint();
	});

	const app = await loadApp(whenQuiet);
	await app.inkReady;
	await app.warmUp(resume, view.style, port.size(), {pause: whenQuiet});
	await listening;
	await probe?.done;
	await whenQuiet();
	// Keys stay with the bin's decoder for the whole run, pressed on the store Ink draws from: a
	// second reader taking the terminal over would have a moment where a key is nobody's. Ink gets
	// a stand-in that never speaks; the screen carries over too.
	process.once('exit', () => {
		stdin.setRawMode?.(false);
	});
	stopResizing();
	unsubscribe();
	return app.runLocal({...port, stdin: new ChannelInput().asReadStream()}, {resume, style: view.style, store, screen, hasMouse});
}
