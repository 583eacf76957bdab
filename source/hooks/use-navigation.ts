import {useCallback, useRef, useState} from 'react';
import {navigate, settle, type Geometry, type NavAction, type NavState} from '../navigation.js';

/**
 * Navigation state kept in a ref and applied synchronously, so every key of a burst (key repeat,
 * a paste, `Down Down Down` in one read) sees the state the previous key left.
 */
export function useNavigation(initial: NavState, geometry: Geometry): {
	readonly state: NavState;
	readonly current: () => NavState;
	readonly dispatch: (action: NavAction) => void;
} {
	const ref = useRef(initial);
	const geometryRef = useRef(geometry);
	geometryRef.current = geometry;
	const [, setVersion] = useState(0);
	const dispatch = useCallback((action: NavAction) => {
		ref.current = navigate(ref.current, action, geometryRef.current);
		setVersion((version) => version + 1);
	}, []);
	const current = useCallback(() => settle(ref.current, geometryRef.current), []);
	ref.current = settle(ref.current, geometry);
	return {state: ref.current, current, dispatch};
}
