// test/fixtures/jsonresume-sample.json is the JSON Resume project's own sample (MIT licensed,
// from @jsonresume/schema), a real third-party document, copied here so the tests stand alone.
// Every fact in it must reach the printed text, as the built bin prints it.
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';

const samplePath = fileURLToPath(new URL('../fixtures/jsonresume-sample.json', import.meta.url));

// Written by hand from the sample; dates as the résumé prints them.
const facts = [
	'Richard Hendriks', 'Programmer', 'richard.hendriks@mail.com', '(912) 555-4321', 'http://richardhendricks.example.com',
	'Richard hails from Tulsa. He has earned degrees from the University of Oklahoma and Stanford. (Go Sooners and Cardinal!) Before starting Pied Piper, he worked for Hooli as a part time software developer.',
	'He could tell you about it, but THAT would NOT be a “length-limited” conversation!',
	'2712 Broadway St', 'CA 94115', 'San Francisco', 'US', 'California',
	'Twitter', 'neutralthoughts', 'SoundCloud', 'https://soundcloud.example.com/dandymusicnl',
	'Pied Piper', 'Palo Alto, CA', 'Awesome compression company', 'CEO/President', 'http://piedpiper.example.com',
	'1 Dec 2013 – 1 Dec 2014',
	'Pied Piper is a multi-platform technology based on a proprietary universal compression algorithm that has consistently fielded high Weisman Scores™ that are not merely competitive, but approach the theoretical limit of lossless compression.',
	'Build an algorithm for artist to detect if their music was violating copy right infringement laws',
	'Successfully won Techcrunch Disrupt', 'Optimized an algorithm that holds the current world record for Weisman Scores',
	'CoderDojo', 'Teacher', 'http://coderdojo.example.com/', '1 Jan 2012 – 1 Jan 2013',
	'Global movement of free coding clubs for young people.', "Awarded 'Teacher of the Month'",
	'University of Oklahoma', 'https://www.ou.edu/', 'Information Technology', 'Bachelor', '1 Jun 2011 – 1 Jan 2014', '4.0',
	'DB1101 - Basic SQL', 'CS2011 - Java Introduction',
	'Digital Compression Pioneer Award', '1 Nov 2014', 'Techcrunch', 'There is no spoon.',
	'Video compression for 3d media', 'Hooli', '1 Oct 2014', 'http://en.wikipedia.org/wiki/Silicon_Valley_(TV_series)',
	'Innovative middle-out compression algorithm that changes the way we store data.',
	'Web Development', 'Master', 'HTML', 'CSS', 'Javascript', 'Compression', 'Mpeg', 'MP4', 'GIF',
	'English', 'Native speaker', 'Wildlife', 'Ferrets', 'Unicorns',
	'Erlich Bachman',
	'It is my pleasure to recommend Richard, his performance working as a consultant for Main St. Company proved that he will be a valuable addition to any company.',
	'Miss Direction', 'A mapping engine that misguides you', 'Won award at AIHacks 2016', 'Built by all women team of newbie programmers',
	'Using modern technologies such as GoogleMaps, Chrome Extension and Javascript', 'GoogleMaps', 'Chrome Extension',
	'24 Aug 2016 – 24 Aug 2016', 'missdirection.example.com', 'Team lead', 'Designer', 'Smoogle', 'application',
];

/** What `balakumaran --resume <the sample> --format <format>` prints; it must exit 0 and say nothing on stderr. */
function print(format: string, width: number): string {
	const result = runCli(['--resume', samplePath, '--format', format, '--width', String(width)]);
	expect(result).toMatchObject({status: 0, stderr: ''});
	return result.stdout;
}

describe('a third-party JSON Resume', () => {
	it('prints every fact of the sample in the text output', () => {
		const text = print('text', 1000);
		for (const fact of facts) {
			expect(text, fact).toContain(fact);
		}
	});

	it('prints every fact in Markdown too (markup removed)', () => {
		const markdown = print('markdown', 80).replace(/\\(.)/g, '$1');
		for (const fact of facts) {
			expect(markdown, fact).toContain(fact);
		}
	});

	it('prints every section of the standard, with no "undefined", empty brackets or stray separators', () => {
		const text = print('text', 80);
		for (const heading of ['ABOUT', 'EXPERIENCE', 'PROJECTS', 'EDUCATION', 'SKILLS', 'VOLUNTEER', 'AWARDS', 'PUBLICATIONS', 'LANGUAGES', 'INTERESTS', 'REFERENCES', 'CONTACT']) {
			expect(text.split('\n')).toContain(heading);
		}

		expect(text).not.toMatch(/undefined|null|\(\)|\[\]|· ·|^ ?·|· ?$|: ?$/m);
	});

	it('prints the validated document as JSON', () => {
		const json = JSON.parse(print('json', 80)) as {basics: {name: string}; projects: unknown[]};
		expect(json.basics.name).toBe('Richard Hendriks');
		expect(json.projects).toHaveLength(1);
	});
});
