// What a key did, in the model's terms, for a screen reader to say: the view words it (the
// focused item and its place). It stays until a key does something else worth saying, so a key
// that changes nothing says nothing.
import type {Geometry, NavState} from './navigation.js';

export type Announcement =
	/** Nothing pressed yet: who this is, and where the reader is. */
	| {readonly type: 'start'}
	/** The section list's choice moved, or focus came back to it. */
	| {readonly type: 'section'}
	/** Focus went into a section (or on to another): its name, size and focused item. */
	| {readonly type: 'section-entered'}
	/** The cursor moved to another item of the section. */
	| {readonly type: 'entry'}
	/** The item under the cursor was expanded or collapsed. */
	| {readonly type: 'fold'; readonly isOpen: boolean}
	/** Every project was expanded or collapsed. */
	| {readonly type: 'fold-all'; readonly isOpen: boolean}
	| {readonly type: 'help'}
	/**
	 * A search for `query` moved to a match. `message` is the footer line it set at the same time, which
	 * says the same thing in symbols; `wrapped` says where it went round the end.
	 */
	| {readonly type: 'search'; readonly query: string; readonly message?: string; readonly wrapped?: 'to-top' | 'to-bottom'};

export const startAnnouncement: Announcement = {type: 'start'};

/** What moving from `before` to `after` announces; undefined when nothing worth saying changed. */
export function announcementOf(before: NavState, after: NavState, geometry: Geometry): Announcement | undefined {
	if (before.isHelpOpen !== after.isHelpOpen) {
		return after.isHelpOpen ? {type: 'help'} : after.focus === 'menu' ? {type: 'section'} : {type: 'section-entered'};
	}

	if (after.isHelpOpen) {
		return undefined;
	}

	if (before.focus !== after.focus || before.section !== after.section) {
		return after.focus === 'menu' ? {type: 'section'} : {type: 'section-entered'};
	}

	if (after.focus === 'detail' && before.cursor !== after.cursor) {
		return {type: 'entry'};
	}

	if (before.expanded !== after.expanded) {
		const key = geometry.measure(after.section, after.expanded).entries[after.cursor]?.key;
		const changed = [...before.expanded].filter((other) => !after.expanded.has(other)).length + [...after.expanded].filter((other) => !before.expanded.has(other)).length;
		const isFocusedOnly = key !== undefined && changed === 1 && before.expanded.has(key) !== after.expanded.has(key);
		return isFocusedOnly && after.focus === 'detail'
			? {type: 'fold', isOpen: after.expanded.has(key)}
			: {type: 'fold-all', isOpen: after.expanded.size >= before.expanded.size};
	}

	return undefined;
}
