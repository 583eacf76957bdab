// Each SSH session asks its own terminal for its background (OSC 11) and gets the theme that suits it.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startServe, stopAll, type Served} from './helpers/serve.js';
import {hasFirstFrame, visit} from './helpers/visitor.js';

let served: Served;
beforeAll(async () => {
	served = await startServe(['--rate-per-address', '1000', '--max-per-address', '100']);
});
afterAll(async () => stopAll());

const darkName = '\u001B[1m\u001B[36mBalakumaran Kannan';
const lightName = '\u001B[1m\u001B[34mBalakumaran Kannan';

describe('the theme per session', () => {
	it('is light for a light terminal and dark for a dark one, side by side', async () => {
		const [light, dark] = await Promise.all([
			visit(served.port, {user: 'light', background: 'rgb:ffff/ffff/f0f0'}),
			visit(served.port, {user: 'dark', background: 'rgb:1010/1010/1010'}),
		]);
		await Promise.all([light.waitFor(hasFirstFrame, 'the light first frame'), dark.waitFor(hasFirstFrame, 'the dark first frame')]);
		expect(light.output()).toContain('\u001B]11;?\u001B\\\u001B[c');
		expect(light.output()).toContain(lightName);
		expect(dark.output()).toContain(darkName);
		light.client.end();
		dark.client.end();
	});

	it('falls back to dark when the terminal only answers DA1, and does not ask a no-colour terminal', async () => {
		const plain = await visit(served.port, {user: 'plain'});
		await plain.waitFor(hasFirstFrame, 'the first frame');
		expect(plain.output()).toContain(darkName);
		const mono = await visit(served.port, {user: 'mono', env: {NO_COLOR: '1'}});
		await mono.waitFor(hasFirstFrame, 'the first frame');
		expect(mono.output()).not.toContain('\u001B]11;?');
		plain.client.end();
		mono.client.end();
	});
});
