// Terminal input as the events Ink's useInput reports (text and a key), for the hosts that answer
// keys before Ink has loaded: the bin's first screens and an SSH session's first key. Each event
// then goes through the same keyNames as Ink's, so a key means the same before and after Ink takes
// over; test/model/key-decoder.test.tsx holds the two to the same names for every key the keymap
// knows, and for bursts of them.
import type {InkKey} from './keymap.js';

export type InputEvent = {readonly input: string; readonly key: InkKey};

const noKey: InkKey = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageUp: false,
	pageDown: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	tab: false,
	backspace: false,
	delete: false,
	shift: false,
	ctrl: false,
	meta: false,
};

/** The special keys by the final part of their CSI or SS3 sequence. */
const sequences: Readonly<Record<string, Partial<InkKey>>> = {
	A: {upArrow: true},
	B: {downArrow: true},
	C: {rightArrow: true},
	D: {leftArrow: true},
	H: {home: true},
	F: {end: true},
	Z: {tab: true, shift: true},
	'1~': {home: true},
	'7~': {home: true},
	'4~': {end: true},
	'8~': {end: true},
	'3~': {delete: true},
	'5~': {pageUp: true},
	'6~': {pageDown: true},
};

/** One escape sequence (CSI, SS3, or Alt and a key), one control character, or a run of text. */
const eventPattern = /\u001B\[[0-?]*[ -/]*[@-~]|\u001BO.|\u001B[^\u001B[O]|\u001B(?:\[|O)?|[\u0000-\u001F\u007F]|[^\u0000-\u001F\u007F]+/gsu;

function eventOf(sequence: string): InputEvent {
	if (sequence === '\u001B') {
		return {input: '', key: {...noKey, escape: true, meta: true}};
	}

	if (sequence.startsWith('\u001B[') || sequence.startsWith('\u001BO')) {
		const special = sequences[sequence.slice(2)];
		// Anything else (a mouse report, a focus event) reaches keyNames as Ink passes it: ESC removed.
		return special ? {input: '', key: {...noKey, ...special}} : {input: sequence.slice(1), key: noKey};
	}

	if (sequence.startsWith('\u001B')) {
		const rest = sequence.slice(1);
		return {input: rest, key: {...noKey, meta: true, shift: /^[A-Z]$/.test(rest)}};
	}

	const code = sequence.codePointAt(0) ?? 0;
	if (sequence === '\r') return {input: '', key: {...noKey, return: true}};
	if (sequence === '\t') return {input: '', key: {...noKey, tab: true}};
	if (code === 0x7F || code === 0x08) return {input: '', key: {...noKey, backspace: true}};
	if (code >= 1 && code <= 26) return {input: String.fromCodePoint(code + 96), key: {...noKey, ctrl: true}};
	return {input: sequence, key: {...noKey, shift: /^[A-Z]$/.test(sequence)}};
}

/** The input events in `text`, in order. */
export function decodeInput(text: string): InputEvent[] {
	return (text.match(eventPattern) ?? []).map((sequence) => eventOf(sequence));
}
