import {it} from 'vitest';
import React from 'react';
import {render} from 'ink-testing-library';
import resumeDocument from '../data/resume.json' with {type: 'json'};
import {parseResume} from '../source/data/load.js';
import {App} from '../source/app.js';
import {createTheme} from '../source/theme.js';
import stripAnsi from 'strip-ansi';

it('scratch', async () => {
	const loaded = parseResume(resumeDocument, 'x');
	if (!loaded.ok) throw new Error();
	const style = {theme: createTheme('dark', 3), hasHyperlinks: true};
	const r = render(<App resume={loaded.resume} size={{columns: 120, rows: 40}} style={style} onOpenLink={(u) => u} onQuit={() => {}} />);
	const f = stripAnsi(r.lastFrame() ?? '');
	console.log(f.split('\n').map((l) => l.length).join(','));
	console.log(f);
	r.stdin.write('\t');
	console.log('frames', r.frames.length);
	await new Promise((res) => setImmediate(res));
	console.log('frames', r.frames.length);
});
