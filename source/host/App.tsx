// The Ink app: the view of the résumé at the terminal's size, the store's state drawn through the
// one pure view (view/frame.ts), and Ink's input pressed on the store. What keys do lives in the
// model; how a frame looks lives in the view.
import {useInput, useIsScreenReaderEnabled} from 'ink';
import React, {useLayoutEffect, useMemo, useSyncExternalStore} from 'react';
import type {Resume} from '../data/schema.js';
import {buildSections} from '../document/sections.js';
import {initialUi, type Effect} from '../model/controller.js';
import {pressInput} from '../model/input.js';
import {initialNavState, settle} from '../model/navigation.js';
import {createStore, type Store} from '../model/store.js';
import type {Size} from '../terminal/port.js';
import {Frame} from '../view/components/Frame.js';
import {frameParts} from '../view/frame.js';
import {withScreenReader, type Style} from '../view/theme.js';
import {createView, type View} from '../view/view.js';

export type AppProps = {
	readonly resume: Resume;
	readonly size: Size;
	readonly style: Style;
	/** Open at this section (index into the shown sections) with its first entry focused. */
	readonly initialSection?: number;
	/** The state to take over (the bin's, or an SSH session's): keys already pressed count. */
	readonly store?: Store;
	/** Where views come from when they are shared (a server's, across its visitors); else made here. */
	readonly viewFor?: (size: Size, style: Style) => View;
	/** Opens a link; returns the line to show in the footer. */
	readonly onOpenLink: (url: string) => string;
	/** Copies a link to the clipboard (OSC 52); returns the line to show in the footer. */
	readonly onCopyLink?: (url: string) => string;
	readonly onQuit: () => void;
};

export function App({resume, size, style, initialSection, store: given, viewFor, onOpenLink, onCopyLink, onQuit}: AppProps): React.JSX.Element {
	const sections = useMemo(() => buildSections(resume), [resume]);
	// Ink's own switch (INK_SCREEN_READER=true) turns the view's on too: one mode, never a hybrid.
	const shownStyle = useIsScreenReaderEnabled() ? withScreenReader(style) : style;
	const view = useMemo(
		() => (viewFor ? viewFor(size, shownStyle) : createView(resume, size, shownStyle, sections)),
		[resume, size.columns, size.rows, shownStyle, sections, viewFor],
	);
	const runEffect = (effect: Effect): string | undefined => {
		switch (effect.type) {
			case 'quit': {
				onQuit();
				return undefined;
			}

			case 'open-link': {
				return onOpenLink(effect.url);
			}

			case 'copy-link': {
				return onCopyLink ? onCopyLink(effect.url) : effect.url;
			}
		}
	};

	const [store] = React.useState(
		() => given ?? createStore(initialUi(initialSection === undefined ? initialNavState : {...initialNavState, section: initialSection, focus: 'detail'}), view.env, runEffect),
	);
	// The store hears of a new layout and of the newest callbacks before the next key can arrive.
	useLayoutEffect(() => {
		store.setEnv(view.env);
	}, [store, view]);
	useLayoutEffect(() => {
		store.setEffectRunner(runEffect);
	});
	const stored = useSyncExternalStore(store.subscribe, store.getState);
	// Drawn settled to this layout already (a resize), without writing to the store while rendering.
	const nav = settle(stored.nav, view.env.geometry);
	const ui = nav === stored.nav ? stored : {...stored, nav};
	useInput((input, key) => {
		pressInput(store, input, key, view.plan.kind === 'too-small');
	});

	return <Frame parts={frameParts(view, ui)} rows={size.rows} />;
}
