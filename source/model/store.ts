// The UI state, one way: a key goes through the controller (a pure reducer), the state settles to
// the layout, effects run here and only here, and listeners hear of the new state. The bin's
// painter, the Ink app and an SSH session all read and drive the same store, so Ink can take over
// from the state the reader has already moved to.
import {pressKey, type ControllerEnv, type Effect, type UiState} from './controller.js';
import {settle} from './navigation.js';

export type Pointer = {readonly x: number; readonly y: number};

export type Store = {
	readonly getState: () => UiState;
	/** Applies one key (a click carries its cell) and runs its effects. */
	readonly press: (key: string, pointer?: Pointer) => void;
	/** A new layout (a resize): the state is settled to it. */
	readonly setEnv: (env: ControllerEnv) => void;
	/** Calls the listener after every change; returns the unsubscribe function. */
	readonly subscribe: (listener: () => void) => () => void;
	/** Who runs effects from now on (the host that has taken over). */
	readonly setEffectRunner: (runEffect: EffectRunner) => void;
};

/** Runs an effect; returns the line to show in the footer, if any. */
export type EffectRunner = (effect: Effect) => string | undefined;

export function createStore(initial: UiState, env: ControllerEnv, runEffect: EffectRunner): Store {
	let current = env;
	let state = withSettled(initial, current);
	let run = runEffect;
	const listeners = new Set<() => void>();
	const set = (next: UiState): void => {
		if (next !== state) {
			state = next;
			for (const listener of listeners) {
				listener();
			}
		}
	};

	return {
		getState: () => state,
		press(key, pointer) {
			const {ui, effects} = pressKey(state, key, current, pointer);
			let {message} = ui;
			for (const effect of effects) {
				message = run(effect) ?? message;
			}

			set(withSettled(message === ui.message ? ui : {...ui, message}, current));
		},
		setEnv(env) {
			current = env;
			set(withSettled(state, current));
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		setEffectRunner(next) {
			run = next;
		},
	};
}

function withSettled(ui: UiState, env: ControllerEnv): UiState {
	const nav = settle(ui.nav, env.geometry);
	return nav === ui.nav ? ui : {...ui, nav};
}
