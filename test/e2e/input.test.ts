// Keys as a terminal delivers them: several in one read (key repeat, tmux, a fast typist) must
// each count, exactly as if they had been pressed one by one; typed text of any width must not
// disturb the screen.
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {expectScreen, keyBytes, renderedGrid, startApp, type KeyName} from './harness.js';

const size = {columns: 80, rows: 24};

describe.concurrent('several keys in one write', () => {
	it.for([
		{name: 'three arrows move three sections', before: [], burst: ['down', 'down', 'down'], selected: '❯ Projects'},
		{name: 'jjj moves three sections', before: [], burst: ['j', 'j', 'j'], selected: '❯ Projects'},
		{name: 'three arrows move three entries in a pane', before: ['tab', 'l'], burst: ['down', 'down', 'down'], selected: undefined},
		{name: 'jjj moves three entries in a pane', before: ['tab', 'l'], burst: ['j', 'j', 'j'], selected: undefined},
	] satisfies Array<{name: string; before: KeyName[]; burst: KeyName[]; selected: string | undefined}>)('$name', async ({before, burst, selected}, test) => {
		const session = startApp(test, {size});
		await expectScreen(session, await renderedGrid(size), 'home');
		if (before.length > 0) {
			session.press(...before);
			await expectScreen(session, await renderedGrid(size, before), `after ${before.join(' ')}`);
		}

		const expected = await renderedGrid(size, [...before, ...burst]);
		// Each key of the burst must show: one or two of them would give another screen.
		for (const count of [1, 2]) {
			expect(expected).not.toEqual(await renderedGrid(size, [...before, ...burst.slice(0, count)]));
		}

		session.write(burst.map((key) => keyBytes(key)).join(''));
		await expectScreen(session, expected, `after ${JSON.stringify(burst.map((key) => keyBytes(key)).join(''))} in one write`);
		if (selected) {
			expect(session.screen().filter((line) => line.startsWith('❯'))).toEqual([expect.stringMatching(new RegExp(`^${selected}(  |$)`))]);
		}

		expect(session.scrolledLines()).toEqual({normal: 0, alternate: 0});
	});
});

// Found by the fuzzer: a footer one column too wide (wide characters in the prompt) made the
// terminal wrap, scroll up a line and lose the header's first row.
it('a search for wide characters keeps the screen in place', async (test) => {
	const narrow = {columns: 60, rows: 20};
	const session = startApp(test, {size: narrow});
	await expectScreen(session, await renderedGrid(narrow), 'home');
	session.write('/');
	await session.waitFor((terminal) => terminal.screen().some((line) => line.startsWith('/')), {what: 'the search prompt'});
	session.write('漢字'.repeat(30));
	await session.waitFor((terminal) => !terminal.isPainting() && terminal.screen().some((line) => line.includes('漢字漢字漢字')), {what: 'the typed text'});
	expect(session.scrolledLines()).toEqual({normal: 0, alternate: 0});
	expect(session.screen()[0]).toBe('Balakumaran Kannan · System Programmer');
	expect(session.screen().every((line) => stringWidth(line) <= narrow.columns)).toBe(true);
});
