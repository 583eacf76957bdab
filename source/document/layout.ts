// Lays a section out into lines of at most `width` columns. The one place text is wrapped:
// by display width (CJK, emoji), keeping colours and OSC 8 links intact across line breaks.
import ansiEscapes from 'ansi-escapes';
import wrapAnsi from 'wrap-ansi';
import type {Style} from '../view/theme.js';
import type {Entry, Paragraph, Section, Span} from './model.js';

export type Line = {
	/** Styled text, at most the layout width wide. */
	readonly text: string;
	/** Index of the entry the line belongs to; blank separators belong to none. */
	readonly entry?: number;
};

export type EntryBox = {
	readonly key: string;
	/** First line of the entry. */
	readonly start: number;
	/** One past its last line. */
	readonly end: number;
	readonly isExpandable: boolean;
	readonly href?: string;
};

export type SectionLayout = {
	readonly lines: readonly Line[];
	readonly entries: readonly EntryBox[];
};

export function renderSpan(span: Span, style: Style): string {
	// A screen reader reads the middle dot out, or runs the words together: a comma says it.
	const text = style.isScreenReader ? span.text.replaceAll(' · ', ', ') : span.text;
	const styled = style.theme[span.tone ?? 'text'](text);
	return span.href && style.hasHyperlinks ? ansiEscapes.link(styled, span.href) : styled;
}

/** Characters of one paragraph that are drawn; a real résumé never comes near it. */
export const maxParagraphLength = 4000;

/** Cuts a hostile 100 000-character paragraph short, so wrapping it cannot freeze the app. */
function clip(spans: readonly Span[]): readonly Span[] {
	const total = spans.reduce((sum, span) => sum + span.text.length, 0);
	if (total <= maxParagraphLength) {
		return spans;
	}

	let room = maxParagraphLength;
	const kept: Span[] = [];
	for (const span of spans) {
		if (room <= 0) {
			break;
		}

		kept.push(span.text.length <= room ? span : {...span, text: [...span.text.slice(0, room)].join('')});
		room -= span.text.length;
	}

	return [...kept, {text: ` … (${total - maxParagraphLength} more characters)`, tone: 'muted'}];
}

/** Wraps one paragraph; a very long word is broken rather than allowed to overflow. */
export function wrapParagraph(paragraph: Paragraph, width: number, style: Style, prefix = ''): string[] {
	const indent = paragraph.indent ?? 0;
	const bullet = style.isScreenReader && paragraph.bullet === '• ' ? '- ' : paragraph.bullet;
	const lead = prefix + (bullet ?? '');
	const room = Math.max(1, width - Math.max(indent, lead.length));
	const text = clip(paragraph.spans).map((span) => renderSpan(span, style)).join('');
	const wrapped = wrapAnsi(text, room, {hard: true, trim: true}).split('\n');
	const pad = ' '.repeat(Math.max(indent, lead.length));
	return wrapped.map((part, index) => (index === 0 ? lead.padStart(pad.length) : pad) + part);
}

export type LayoutOptions = {
	/** Keys of the expanded entries; `'all'` expands everything (printed output). */
	readonly expanded: ReadonlySet<string> | 'all';
	/** Draw ▸/▾ before expandable entries (interactive only). */
	readonly showExpanders: boolean;
};

function isExpanded(entry: Entry, options: LayoutOptions): boolean {
	return options.expanded === 'all' || options.expanded.has(entry.key);
}

/** Lays out a section's entries, a blank line between entries of more than one line. */
export function layoutSection(section: Section, width: number, style: Style, options: LayoutOptions): SectionLayout {
	const lines: Line[] = [];
	const entries: EntryBox[] = [];
	let previousHeight = 0;
	section.entries.forEach((entry, index) => {
		const isExpandable = (entry.details?.length ?? 0) > 0;
		const paragraphs = isExpanded(entry, options) ? [...entry.paragraphs, ...(entry.details ?? [])] : entry.paragraphs;
		const body: string[] = [];
		paragraphs.forEach((paragraph, position) => {
			const marker = options.showExpanders && isExpandable && position === 0 ? (isExpanded(entry, options) ? '▾ ' : '▸ ') : '';
			const indented = options.showExpanders && isExpandable && position > 0 ? {...paragraph, indent: (paragraph.indent ?? 0) + 2} : paragraph;
			body.push(...wrapParagraph(indented, width, style, marker));
		});
		if (index > 0 && (previousHeight > 1 || body.length > 1)) {
			lines.push({text: ''});
		}

		const start = lines.length;
		for (const text of body) {
			lines.push({text, entry: index});
		}

		entries.push({key: entry.key, start, end: lines.length, isExpandable, href: entry.href});
		previousHeight = body.length;
	});
	return {lines, entries};
}
