// The page's own code: the résumé's TUI in an xterm.js terminal that fills the window, talking to
// the server over a WebSocket at /session (source/web/protocol.ts). The plain résumé stays in the
// page: it is what shows without JavaScript, below 40×12, at #plain, and in print.
import {ClipboardAddon, type IClipboardProvider} from '@xterm/addon-clipboard';
import {FitAddon} from '@xterm/addon-fit';
import {WebLinksAddon} from '@xterm/addon-web-links';
import {Terminal} from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import './page.css';

const minColumns = 40;
const minRows = 12;
const safeSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** Opens http, https, mailto and tel links in a new tab that cannot reach back to this one. */
function openLink(uri: string): void {
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		return;
	}

	if (safeSchemes.has(url.protocol)) {
		window.open(url.href, '_blank', 'noopener,noreferrer');
	}
}

// OSC 52 may set the clipboard (`yy`); it may never read it back to the server.
const clipboard: IClipboardProvider = {
	readText: () => '',
	async writeText(_selection, text) {
		await navigator.clipboard.writeText(text);
	},
};

const isLight = window.matchMedia('(prefers-color-scheme: light)').matches;
// A reader who asked their system for more contrast gets the high-contrast theme.
const wantsContrast = window.matchMedia('(prefers-contrast: more)').matches;
const root = document.documentElement;

function element<Name extends keyof HTMLElementTagNameMap>(name: Name, attributes: Record<string, string>, text = ''): HTMLElementTagNameMap[Name] {
	const made = document.createElement(name);
	for (const [key, value] of Object.entries(attributes)) {
		made.setAttribute(key, value);
	}

	made.textContent = text;
	return made;
}

const view = element('div', {id: 'tui'});
const screen = element('div', {id: 'terminal', 'aria-label': 'The résumé as a terminal app: arrow keys or j and k move, Enter opens, q quits'});
const bar = element('p', {id: 'bar'});
const status = element('span', {id: 'status', role: 'status'});
const again = element('button', {id: 'again', type: 'button', hidden: ''}, 'Start again');
bar.append(element('a', {href: '#plain'}, 'Plain page'), status, again);
// The bar comes first for the keyboard and screen readers (the plain page is the better read for
// them); it shows under the terminal.
view.append(bar, screen);
const back = element('p', {id: 'to-terminal'});
back.append(element('a', {href: '#terminal'}, 'Open the terminal view'));
document.body.prepend(back);
document.body.append(view);

// `?screen-reader`: xterm.js reads the lines out, and the server writes them for a screen reader.
const isScreenReader = new URLSearchParams(location.search).has('screen-reader');
const terminal = new Terminal({
	screenReaderMode: isScreenReader,
	fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
	fontSize: 15,
	scrollback: 0,
	cursorBlink: false,
	macOptionIsMeta: true,
	theme: isLight ? {background: '#ffffff', foreground: '#1a1a1a', cursor: '#1a1a1a'} : {background: '#101216', foreground: '#e6e6e6', cursor: '#e6e6e6'},
	linkHandler: {activate: (_event, uri) => openLink(uri), allowNonHttpProtocols: true},
});
const fit = new FitAddon();
terminal.loadAddon(fit);
terminal.loadAddon(new WebLinksAddon((_event, uri) => openLink(uri)));
terminal.loadAddon(new ClipboardAddon(undefined, clipboard));
terminal.open(screen);

let socket: WebSocket | undefined;
const encoder = new TextEncoder();

function send(data: string | Uint8Array): void {
	if (socket?.readyState === WebSocket.OPEN) {
		socket.send(data);
	}
}

const sendSize = (): void => {
	send(JSON.stringify({type: 'resize', cols: terminal.cols, rows: terminal.rows}));
};

function connect(): void {
	const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
	const opened = new WebSocket(`${scheme}//${location.host}/session?theme=${wantsContrast ? 'high-contrast' : isLight ? 'light' : 'dark'}${isScreenReader ? '&screen-reader' : ''}`);
	opened.binaryType = 'arraybuffer';
	socket = opened;
	status.textContent = 'Connecting…';
	again.hidden = true;
	opened.addEventListener('open', () => {
		status.textContent = 'q quits · ? lists every key';
		sendSize();
		terminal.focus();
	});
	opened.addEventListener('message', (event: MessageEvent<ArrayBuffer | string>) => {
		terminal.write(typeof event.data === 'string' ? event.data : new Uint8Array(event.data));
	});
	opened.addEventListener('close', (event) => {
		if (socket !== opened) {
			return;
		}

		socket = undefined;
		const said = event.code === 1000 && event.reason === 'quit' ? 'The résumé has closed.' : event.reason || 'The connection was lost.';
		status.textContent = `${said} Press Enter or the button to start again.`;
		again.hidden = false;
	});
}

function startAgain(): void {
	terminal.reset();
	connect();
}

terminal.onData((data) => {
	if (socket) {
		send(encoder.encode(data));
	} else if (data === '\r') {
		startAgain();
	}
});
terminal.onBinary((data) => {
	send(Uint8Array.from(data, (character) => character.charCodeAt(0)));
});
terminal.onResize(sendSize);
again.addEventListener('click', startAgain);

// A phone or a tablet has no keyboard to drive the TUI with: it gets the plain page first, and
// the terminal only when asked (#terminal).
const isTouchOnly = window.matchMedia('(pointer: coarse)').matches && !window.matchMedia('(any-pointer: fine)').matches;

/** The terminal when JavaScript runs, the window holds 40×12, and the plain page was not asked for. */
function layout(): void {
	const size = fit.proposeDimensions();
	const fits = size !== undefined && size.cols >= minColumns && size.rows >= minRows;
	const isTui = fits && (location.hash === '#terminal' || (location.hash !== '#plain' && !isTouchOnly));
	root.classList.toggle('tui', isTui);
	root.classList.toggle('can-tui', fits);
	if (!isTui) {
		return;
	}

	fit.fit();
	if (socket === undefined && again.hidden) {
		connect();
	}
}

window.addEventListener('resize', layout);
window.addEventListener('hashchange', layout);
root.classList.add('has-script');
layout();
