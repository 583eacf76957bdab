// The root component: wires state, keymap and views. Layout details live in the components and
// screen-plan; movement lives in navigation.ts.
import {Box, useInput} from 'ink';
import React, {useMemo, useState} from 'react';
import stringWidth from 'string-width';
import {DetailPane} from './components/DetailPane.js';
import {Footer} from './components/Footer.js';
import {Header} from './components/Header.js';
import {SectionMenu} from './components/SectionMenu.js';
import {TooSmall} from './components/TooSmall.js';
import type {Resume} from './data/schema.js';
import {headerLines} from './document/header.js';
import type {Style} from './document/layout.js';
import {buildSections} from './document/sections.js';
import {helpLines} from './help.js';
import {useNavigation} from './hooks/use-navigation.js';
import {useSectionLayouts} from './hooks/use-section-layouts.js';
import {activeContexts, hints, keyNames, lookup} from './keymap.js';
import {initialNavState, type Geometry} from './navigation.js';
import {planScreen, type Size} from './screen-plan.js';

export type AppProps = {
	readonly resume: Resume;
	readonly size: Size;
	readonly style: Style;
	/** Open at this section (index into the shown sections) with its first entry focused. */
	readonly initialSection?: number;
	/** Opens a link; returns the line to show in the footer. */
	readonly onOpenLink: (url: string) => string;
	readonly onQuit: () => void;
};

/** "title ........ 12–30 of 58", fitted to the width. */
function titleLine(title: string, indicator: string, width: number): string {
	const gap = width - stringWidth(title) - stringWidth(indicator);
	return gap >= 1 ? title + ' '.repeat(gap) + indicator : title;
}

export function App({resume, size, style, initialSection, onOpenLink, onQuit}: AppProps): React.JSX.Element {
	const {theme} = style;
	const sections = useMemo(() => buildSections(resume), [resume]);
	const titles = useMemo(() => sections.map((section) => section.title), [sections]);
	const plan = useMemo(
		() =>
			planScreen(
				size,
				(width, isCompact) => headerLines(resume, width, style, isCompact).length,
				Math.max(...titles.map((title) => stringWidth(title))),
			),
		[size, resume, style, titles],
	);
	const isFull = plan.kind === 'full';
	const header = useMemo(
		() => (plan.kind === 'full' ? headerLines(resume, size.columns, style, plan.isCompactHeader) : []),
		[plan, resume, size.columns, style],
	);
	const layoutOf = useSectionLayouts(sections, isFull ? plan.textWidth : 1, style);
	const help = useMemo(() => helpLines(style, size.columns - 2).map((text) => ({text})), [style, size.columns]);
	const geometry: Geometry = {
		sectionCount: sections.length,
		height: isFull ? plan.viewportHeight : 1,
		helpLineCount: help.length,
		measure: (section, expanded) => {
			const layout = layoutOf(section, expanded);
			return {entries: layout.entries, lineCount: layout.lines.length};
		},
	};
	const nav = useNavigation(
		initialSection === undefined ? initialNavState : {...initialNavState, section: initialSection, focus: 'detail'},
		geometry,
	);
	const [message, setMessage] = useState<string | undefined>();

	const contextsOf = (state: typeof nav.state) => {
		const entry = layoutOf(state.section, state.expanded).entries[state.cursor];
		return activeContexts({
			isHelpOpen: state.isHelpOpen,
			focus: state.focus,
			isOnProject: entry?.isExpandable ?? false,
			isOnLink: entry?.href !== undefined,
		});
	};

	const press = (name: string): void => {
		if (plan.kind === 'too-small' && name !== 'q' && name !== 'ctrl-c') {
			return;
		}

		const state = nav.current();
		const binding = lookup(name, contextsOf(state));
		setMessage(undefined);
		if (!binding) {
			return;
		}

		switch (binding.command.type) {
			case 'quit': {
				onQuit();
				return;
			}

			case 'open-link': {
				const href = layoutOf(state.section, state.expanded).entries[state.cursor]?.href;
				if (href) {
					setMessage(onOpenLink(href));
				}

				return;
			}

			default: {
				nav.dispatch(binding.command);
			}
		}
	};

	useInput((input, key) => {
		for (const name of keyNames(input, key)) {
			press(name);
		}
	});

	if (plan.kind === 'too-small') {
		return <TooSmall size={size} theme={theme} />;
	}

	const {state} = nav;
	const section = sections[state.section];
	const layout = layoutOf(state.section, state.expanded);
	const lines = state.isHelpOpen ? help : layout.lines;
	const scroll = state.isHelpOpen ? state.helpScroll : state.scroll;
	const height = plan.viewportHeight;
	const paneWidth = state.isHelpOpen ? size.columns : plan.paneWidth;
	const indicator =
		lines.length > height ? theme.muted(`${scroll + 1}–${Math.min(scroll + height, lines.length)} of ${lines.length}`) : '';
	const name = section?.title ?? '';
	const title = state.isHelpOpen
		? theme.heading('Keys')
		: plan.isCompactMenu
			? `${state.focus === 'menu' ? theme.selected(`‹ ${name} ›`) : theme.heading(`‹ ${name} ›`)} ${theme.muted(`${state.section + 1}/${sections.length}`)}`
			: theme.heading(name);

	return (
		<Box flexDirection="column" width={size.columns} height={size.rows}>
			<Header lines={header} rule={theme.muted('─'.repeat(size.columns))} />
			<Box height={plan.bodyHeight} flexDirection="row">
				{plan.isCompactMenu || state.isHelpOpen ? undefined : (
					<SectionMenu
						titles={titles}
						selected={state.section}
						isFocused={state.focus === 'menu'}
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
					cursor={state.focus === 'detail' && !state.isHelpOpen ? state.cursor : undefined}
					theme={theme}
				/>
			</Box>
			<Footer hints={hints(contextsOf(state))} message={message} theme={theme} />
		</Box>
	);
}
