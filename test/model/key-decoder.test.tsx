// Keys answered before Ink has loaded must mean what they mean once it has: every sequence is
// pressed through decodeInput and through Ink's own useInput, and both must press the same keys.
import {useInput} from 'ink';
import {render} from 'ink-testing-library';
import React from 'react';
import {describe, expect, it} from 'vitest';
import {pressInput} from '../../source/model/input.js';
import {decodeInput} from '../../source/model/key-decoder.js';
import type {Store} from '../../source/model/store.js';

type Pressed = Array<[string, {x: number; y: number} | undefined]>;

/** A store that only records what is pressed on it. */
function recorder(pressed: Pressed): Store {
	return {
		getState: () => {
			throw new Error('not used');
		},
		press: (key, pointer) => {
			pressed.push([key, pointer ? {x: pointer.x, y: pointer.y} : undefined]);
		},
		setEnv: () => undefined,
		setEffectRunner: () => undefined,
		subscribe: () => () => undefined,
	};
}

function ByInk({store}: {readonly store: Store}): React.JSX.Element {
	useInput((input, key) => {
		pressInput(store, input, key, false);
	});
	return <></>;
}

const sequences = [
	'\u001B[A', '\u001B[B', '\u001B[C', '\u001B[D', '\u001BOA', '\u001BOB', '\u001B[5~', '\u001B[6~', '\u001B[H', '\u001B[F', '\u001B[1~', '\u001B[4~',
	'\u001B[Z', '\u001B[3~', '\r', '\t', '\u007F', '\b', '\u001B', '\u0003', '\u0004', '\u0015', '\u0006', '\u0002', '\u000E', '\u0010',
	'j', 'k', 'h', 'l', 'G', 'g', 'o', 'y', '/', '?', ':', 'n', 'N', 'z', 'R', 'M', '5', '0', ' ', 'q', 'é', '漢', '🐉',
	'jjj', 'gg', 'zR', '10j', '漢字', 'Linux kernel', '\u001B[<0;12;5M', '\u001B[<64;3;4M', '\u001B[<65;3;4M', '\u001B[I', '\u001Bj', '\u001B[B\u001B[Bjj\r', 'jj\u001B[A\u001B[6~', ':q\r',
];

describe('decodeInput', () => {
	it.each(sequences)('presses what Ink presses for %j', async (sequence) => {
		const byInk: Pressed = [];
		const app = render(<ByInk store={recorder(byInk)} />);
		// Ink reads input once its effects have run.
		await new Promise<void>((resolve) => {
			setImmediate(resolve);
		});
		app.stdin.write(sequence);
		await new Promise<void>((resolve) => {
			setImmediate(resolve);
		});
		app.unmount();

		const decoded: Pressed = [];
		const store = recorder(decoded);
		for (const event of decodeInput(sequence)) {
			pressInput(store, event.input, event.key, false);
		}

		expect(byInk.length, 'Ink pressed something').toBeGreaterThan(0);
		expect(decoded).toEqual(byInk);
	});

	it('splits a burst of special keys and text as Ink does, key by key', () => {
		const pressed: Pressed = [];
		const store = recorder(pressed);
		for (const event of decodeInput('\u001B[B\u001B[Bjj\r\u001B[6~:q\r')) {
			pressInput(store, event.input, event.key, false);
		}

		expect(pressed.map(([name]) => name)).toEqual(['down', 'down', 'j', 'j', 'enter', 'pagedown', ':', 'q', 'enter']);
	});
});
