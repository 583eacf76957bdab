// The résumé as a document: sections of entries made of paragraphs of toned spans. Every output
// (the TUI, plain text) is drawn from this one model, so they cannot disagree.
import type {Tone} from '../view/theme.js';

export type Span = {
	readonly text: string;
	readonly tone?: Tone;
	/** A safe (http, https, mailto, tel) link target; set only by `safeHref`. */
	readonly href?: string;
};

export type Paragraph = {
	readonly spans: readonly Span[];
	/** Printed before the first wrapped line; later lines are indented to match. */
	readonly bullet?: string;
	readonly indent?: number;
};

export type Entry = {
	readonly key: string;
	readonly paragraphs: readonly Paragraph[];
	/** Shown only when the entry is expanded (projects). */
	readonly details?: readonly Paragraph[];
	/** The link Enter / `o` opens. */
	readonly href?: string;
};

export type SectionId =
	| 'about'
	| 'experience'
	| 'highlights'
	| 'projects'
	| 'patents'
	| 'education'
	| 'skills'
	| 'volunteer'
	| 'awards'
	| 'certificates'
	| 'publications'
	| 'languages'
	| 'interests'
	| 'references'
	| 'contact';

export type Section = {
	readonly id: SectionId;
	readonly title: string;
	readonly entries: readonly Entry[];
};
