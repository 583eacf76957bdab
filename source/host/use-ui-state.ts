import {useCallback, useRef, useState} from 'react';
import {pressKey, type ControllerEnv, type Effect, type UiState} from '../model/controller.js';
import {settle} from '../model/navigation.js';

/**
 * The UI state, kept in a ref and updated synchronously key by key, so every key of a burst (key
 * repeat, a paste, `Down Down Down` in one read) sees the state the previous key left.
 */
export function useUiState(
	initial: UiState,
	env: ControllerEnv,
	runEffect: (effect: Effect) => string | undefined,
): {readonly ui: UiState; readonly press: (key: string, pointer?: {readonly x: number; readonly y: number}) => void} {
	const ref = useRef(initial);
	const envRef = useRef(env);
	envRef.current = env;
	const effectRef = useRef(runEffect);
	effectRef.current = runEffect;
	const [, setVersion] = useState(0);
	const press = useCallback((key: string, pointer?: {readonly x: number; readonly y: number}) => {
		const {ui, effects} = pressKey(ref.current, key, envRef.current, pointer);
		let message = ui.message;
		for (const effect of effects) {
			message = effectRef.current(effect) ?? message;
		}

		ref.current = {...ui, message};
		setVersion((version) => version + 1);
	}, []);
	const nav = settle(ref.current.nav, env.geometry);
	if (nav !== ref.current.nav) {
		ref.current = {...ref.current, nav};
	}

	return {ui: ref.current, press};
}
