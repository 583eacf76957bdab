// The screen reader's painter writes lines once: what changed from the first line that differs,
// below what is there, and a last line alone edited in place, as a line editor does.
import {describe, expect, it} from 'vitest';
import {Transcript} from '../../source/terminal/transcript.js';

function painter(columns = 80): {readonly transcript: Transcript; readonly written: string[]} {
	const written: string[] = [];
	const transcript = new Transcript((data) => written.push(data), () => ({columns, rows: 24}));
	transcript.enter();
	return {transcript, written};
}

describe('the transcript', () => {
	it('writes the first frame, then only the lines from the first one that changed', () => {
		const {transcript, written} = painter();
		transcript.paint('Name\nAbout, 1 of 8');
		transcript.paint('Name\nAbout, 1 of 8');
		transcript.paint('Name\nProjects, 10 items\nFirst, collapsed, 1 of 10\nFlipkart');
		transcript.paint('Name\nProjects, 10 items\nexpanded\n- a bullet');
		expect(written).toEqual(['Name\r\nAbout, 1 of 8', '\r\nProjects, 10 items\r\nFirst, collapsed, 1 of 10\r\nFlipkart', '\r\nexpanded\r\n- a bullet']);
	});

	it('edits a last line that alone changed, backing over what differs', () => {
		const {transcript, written} = painter();
		transcript.paint('Name\nAbout, 1 of 8');
		transcript.paint('Name\nExperience, 2 of 8');
		transcript.paint('Name\nExperience, 2 of 8\nSearch: ');
		transcript.paint('Name\nExperience, 2 of 8\nSearch: k');
		transcript.paint('Name\nExperience, 2 of 8\nSearch: ke');
		transcript.paint('Name\nExperience, 2 of 8\nSearch: k');
		expect(written).toEqual(['Name\r\nAbout, 1 of 8', '\u001B[13D\u001B[KExperience, 2 of 8', '\r\nSearch: ', 'k', 'e', '\u001B[1D\u001B[K']);
	});

	it('writes nothing for a frame that only lost lines, and then appends below them', () => {
		const {transcript, written} = painter();
		transcript.paint('Name\nAbout, 1 of 8\nSearch: x');
		transcript.paint('Name\nAbout, 1 of 8');
		transcript.paint('Name\nExperience, 2 of 8');
		expect(written).toEqual(['Name\r\nAbout, 1 of 8\r\nSearch: x', '\r\nExperience, 2 of 8']);
	});

	it('appends instead of editing a line the terminal has wrapped', () => {
		const {transcript, written} = painter(10);
		transcript.paint('Name\nExperience, 2 of 8');
		transcript.paint('Name\nAbout, 1 of 8');
		expect(written).toEqual(['Name\r\nExperience, 2 of 8', '\r\nAbout, 1 of 8']);
	});

	it('ends its last line when it leaves, and only if it wrote one', () => {
		const quiet = painter();
		quiet.transcript.leave();
		expect(quiet.written).toEqual([]);
		const {transcript, written} = painter();
		transcript.paint('Name');
		transcript.leave();
		expect(written).toEqual(['Name', '\r\n']);
	});
});
