import {Box} from 'ink';
import React from 'react';
import type {FrameParts} from '../frame.js';
import {Announcement} from './Announcement.js';
import {DetailPane} from './DetailPane.js';
import {Footer} from './Footer.js';
import {Header} from './Header.js';
import {SectionMenu} from './SectionMenu.js';
import {TooSmall} from './TooSmall.js';

type Props = {
	readonly parts: FrameParts;
	readonly rows: number;
};

/** A frame's parts, laid out as `frameRows` joins them: header, menu beside the pane, footer. */
export function Frame({parts, rows}: Props): React.JSX.Element {
	if (parts.kind === 'too-small') {
		return <TooSmall line={parts.line} />;
	}

	if (parts.kind === 'screen-reader') {
		// One column, so Ink's screen-reader output puts every part on lines of its own.
		return (
			<Box flexDirection="column">
				<Header lines={parts.header} />
				<Announcement lines={parts.announcement} />
				{parts.prompt === undefined ? undefined : <Footer line={parts.prompt} />}
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={parts.columns} height={rows}>
			<Header lines={parts.header} rule={parts.rule} />
			<Box height={parts.bodyHeight} flexDirection="row">
				{parts.menu ? <SectionMenu rows={parts.menu.rows} width={parts.menu.width} height={parts.bodyHeight} /> : undefined}
				<DetailPane title={parts.pane.title} rows={parts.pane.rows} firstLine={parts.pane.firstLine} width={parts.pane.width} />
			</Box>
			<Footer line={parts.footer} />
		</Box>
	);
}
