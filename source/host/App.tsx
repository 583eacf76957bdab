// The root component: wires state, keymap and views. Layout details live in the components and
// screen-plan; what keys do lives in controller.ts and navigation.ts.
import {Box, useInput} from 'ink';
import React, {useMemo} from 'react';
import {DetailPane} from '../view/components/DetailPane.js';
import {paneTitle, planFor, ruleLine, scrollIndicator, titleLine} from '../view/lines.js';
import {Footer} from '../view/components/Footer.js';
import {Header} from '../view/components/Header.js';
import {SectionMenu} from '../view/components/SectionMenu.js';
import {TooSmall} from '../view/components/TooSmall.js';
import {contextsOf, initialUi, type ControllerEnv, type Effect} from '../model/controller.js';
import type {Resume} from '../data/schema.js';
import {headerLines} from '../document/header.js';
import type {Line, Style} from '../document/layout.js';
import {buildSections} from '../document/sections.js';
import {helpLines} from '../view/help.js';
import {useSectionLayouts} from '../view/section-layouts.js';
import {useUiState} from './use-ui-state.js';
import {hints, keyLabel, keyNames, mouseEvent} from '../model/keymap.js';
import {initialNavState, type Geometry} from '../model/navigation.js';
import type {Size} from '../view/screen-plan.js';
import {compileQuery, findMatches, matchCounts} from '../model/search.js';

export type AppProps = {
	readonly resume: Resume;
	readonly size: Size;
	readonly style: Style;
	/** Open at this section (index into the shown sections) with its first entry focused. */
	readonly initialSection?: number;
	/** Opens a link; returns the line to show in the footer. */
	readonly onOpenLink: (url: string) => string;
	/** Copies a link to the clipboard (OSC 52); returns the line to show in the footer. */
	readonly onCopyLink?: (url: string) => string;
	readonly onQuit: () => void;
};

export function App({resume, size, style, initialSection, onOpenLink, onCopyLink, onQuit}: AppProps): React.JSX.Element {
	const {theme} = style;
	const sections = useMemo(() => buildSections(resume), [resume]);
	const titles = useMemo(() => sections.map((section) => section.title), [sections]);
	const expandableKeys = useMemo(
		() => sections.flatMap((section) => section.entries.filter((entry) => (entry.details?.length ?? 0) > 0).map((entry) => entry.key)),
		[sections],
	);
	const plan = useMemo(() => planFor(resume, titles, size, style), [resume, titles, size, style]);
	const isFull = plan.kind === 'full';
	const header = useMemo(
		() => (plan.kind === 'full' ? headerLines(resume, size.columns, style, plan.isCompactHeader) : []),
		[plan, resume, size.columns, style],
	);
	// The help screen is wrapped when it is first opened, not before the first frame.
	const helpOf = useMemo(() => {
		let help: Line[] | undefined;
		return (): readonly Line[] => (help ??= helpLines(style, size.columns - 2).map((text) => ({text})));
	}, [style, size.columns]);

	// The search text shown: what is being typed, else the confirmed search.
	const [liveQuery, setLiveQuery] = React.useState('');
	const pattern = useMemo(() => compileQuery(liveQuery), [liveQuery]);
	const layoutOf = useSectionLayouts(sections, isFull ? plan.textWidth : 1, style, pattern);
	const geometry: Geometry = {
		sectionCount: sections.length,
		height: isFull ? plan.viewportHeight : 1,
		get helpLineCount() {
			return helpOf().length;
		},
		expandableKeys,
		measure: (section, expanded) => {
			const layout = layoutOf(section, expanded);
			return {entries: layout.entries, lineCount: layout.lines.length};
		},
	};
	const env: ControllerEnv = {
		sections,
		geometry,
		entryAt: (section, expanded, index) => layoutOf(section, expanded).entries[index],
		hitTest: (nav, x, y) => {
			if (plan.kind !== 'full' || nav.isHelpOpen) {
				return undefined;
			}

			const row = y - header.length - 2;
			if (row < 0 || row >= plan.bodyHeight) {
				return undefined;
			}

			if (x <= plan.menuWidth) {
				return row < sections.length ? {type: 'go-to-section', section: row} : undefined;
			}

			const entry = layoutOf(nav.section, nav.expanded).lines[nav.scroll + row - 1]?.entry;
			return entry === undefined ? undefined : {type: 'jump', section: nav.section, entry};
		},
	};
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

	const {ui, press} = useUiState(
		initialUi(initialSection === undefined ? initialNavState : {...initialNavState, section: initialSection, focus: 'detail'}),
		env,
		runEffect,
	);
	const shownQuery = ui.prompt?.kind === 'search' ? ui.prompt.text || ui.query : ui.query;
	if (shownQuery !== liveQuery) {
		setLiveQuery(shownQuery);
	}

	useInput((input, key) => {
		const mouse = mouseEvent(input);
		if (mouse) {
			press(mouse.name, mouse);
			return;
		}

		for (const name of keyNames(input, key)) {
			if (plan.kind === 'too-small' && name !== 'q' && name !== 'ctrl-c') {
				continue;
			}

			press(name);
		}
	});

	const counts = useMemo(() => (pattern ? matchCounts(findMatches(sections, pattern), sections.length) : undefined), [pattern, sections]);

	if (plan.kind === 'too-small') {
		return <TooSmall size={size} theme={theme} />;
	}

	const {nav} = ui;
	const section = sections[nav.section];
	const layout = layoutOf(nav.section, nav.expanded);
	const lines = nav.isHelpOpen ? helpOf() : layout.lines;
	const scroll = nav.isHelpOpen ? nav.helpScroll : nav.scroll;
	const height = plan.viewportHeight;
	const paneWidth = nav.isHelpOpen ? size.columns : plan.paneWidth;
	const indicator = scrollIndicator(scroll, height, lines.length, theme);
	const title = paneTitle({
		name: section?.title ?? '',
		position: nav.section,
		sectionCount: sections.length,
		count: counts?.[nav.section],
		isCompactMenu: plan.isCompactMenu,
		isMenuFocused: nav.focus === 'menu',
		isHelpOpen: nav.isHelpOpen,
		theme,
	});
	const pendingKeys = ui.pending.count + ui.pending.prefix.map(keyLabel).join('');

	return (
		<Box flexDirection="column" width={size.columns} height={size.rows}>
			<Header lines={header} rule={ruleLine(size.columns, theme)} />
			<Box height={plan.bodyHeight} flexDirection="row">
				{plan.isCompactMenu || nav.isHelpOpen ? undefined : (
					<SectionMenu
						titles={titles}
						counts={counts}
						selected={nav.section}
						isFocused={nav.focus === 'menu'}
						width={plan.menuWidth}
						height={plan.bodyHeight}
						theme={theme}
					/>
				)}
				<DetailPane
					title={titleLine(title, indicator, paneWidth)}
					lines={lines}
					scroll={scroll}
					height={height}
					width={paneWidth}
					cursor={nav.focus === 'detail' && !nav.isHelpOpen ? nav.cursor : undefined}
					theme={theme}
				/>
			</Box>
			<Footer
				hints={hints(contextsOf(ui, env))}
				prompt={ui.prompt ? `${ui.prompt.kind === 'search' ? '/' : ':'}${ui.prompt.text}` : undefined}
				message={ui.message}
				pendingKeys={pendingKeys}
				width={size.columns}
				theme={theme}
			/>
		</Box>
	);
}
