import {afterEach, describe, expect, it} from 'vitest';
import {createTheme} from '../../source/view/theme.js';
import {keys, renderApp, type AppHarness} from '../helpers/render-app.js';

let app: AppHarness | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const lines = (frame: string): string[] => frame.split('\n');

describe('the app', () => {
	it('draws the home screen', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}});
		expect(app.frame()).toMatchInlineSnapshot(`
			"Balakumaran Kannan · System Programmer
			Bangalore
			kumaran.4353@gmail.com · +91 7406479544 · https://github.com/0xba1a
			https://www.eastrivervillage.com
			────────────────────────────────────────────────────────────────────────────────────────────────────
			❯ About               About
			  Experience            Linux system programmer having 9 years of experience with a Bachelor of
			  Work highlights       Engineering degree specialized in computer science and engineering. Open
			  Projects              source contributor, hobby blogger and a proud fan of Vim
			  Patents
			  Education
			  Skills
			  Contact
















			↑↓ jk move  Enter/→ enter  ? help  / search  Tab section  Ctrl-d scroll  q quit"
		`);
	});

	it('shows the chosen section as the menu moves', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}});
		expect(await app.press('j')).toMatchInlineSnapshot(`
			"Balakumaran Kannan · System Programmer
			Bangalore
			kumaran.4353@gmail.com · +91 7406479544 · https://github.com/0xba1a
			https://www.eastrivervillage.com
			────────────────────────────────────────────────────────────────────────────────────────────────────
			  About               Experience
			❯ Experience            System Engineer · Flipkart
			  Work highlights       Jun 2019 – Present · Bangalore
			  Projects              • Managing a private cloud - 2 Datacenters, 30K+ Baremetals, 70K+ VMs
			  Patents               • Linux release management, Driver porting, Kernel & Userspace debugging
			  Education             • Live utilization metrics collection and analysis (minute level granular)
			  Skills                • In house VM life-cycle orchestrator development
			  Contact
			                        Software Engineer - System · Hewlett Packard Enterprise
			                        Aug 2014 – Jun 2019 · Bangalore
			                        • Owner of Service OS for ARM based switches
			                        • Board bring-up, U-boot and Linux port to ARM platforms

			                        Consultant Software Engineer · SONY
			                        May 2012 – Aug 2014 · Bangalore
			                        • Linux kernel debugging

			                        Software Engineer · Tata Elxsi
			                        Jun 2011 – May 2012 · Coimbatore





			↑↓ jk move  Enter/→ enter  ? help  / search  Tab section  Ctrl-d scroll  q quit"
		`);
	});

	it('moves one row per key when keys arrive together in one read', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}});
		const frame = await app.press(keys.down + keys.down + keys.down);
		expect(lines(frame)[8]).toBe('❯ Projects');
		expect(lines(frame)[6]).toMatch(/^ {2}Experience +▸ Utilization metric collector - Minute level granularity$/);
		app.unmount();
		app = await renderApp({size: {columns: 100, rows: 30}});
		expect(lines(await app.press('jjj'))[8]).toContain('❯ Projects');
	});

	it('expands and collapses a project with Enter, Space, → and l', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}});
		await app.press('jjj');
		const collapsed = await app.press(keys.enter);
		expect(collapsed).toMatchInlineSnapshot(`
			"Balakumaran Kannan · System Programmer
			Bangalore
			kumaran.4353@gmail.com · +91 7406479544 · https://github.com/0xba1a
			https://www.eastrivervillage.com
			────────────────────────────────────────────────────────────────────────────────────────────────────
			  About               Projects                                                            1–23 of 29
			  Experience          › ▸ Utilization metric collector - Minute level granularity
			  Work highlights     │   Flipkart · Bangalore · Jun 2020 – Present
			❯ Projects
			  Patents               ▸ Performance evaluation of virtual L3-cache
			  Education               Flipkart · Bangalore · Mar 2020 – May 2020
			  Skills
			  Contact               ▸ Other significant activities
			                          Flipkart · Bangalore · Jun 2019 – Present

			                        ▸ Linux OS development for ARM & ARM64
			                          Hewlett Packard Enterprise · Bangalore · May 2017 – Jun 2019

			                        ▸ Bootloader development for ARM32
			                          Hewlett Packard Enterprise · Bangalore · Sep 2018 – Jun 2019

			                        ▸ Other significant activities
			                          Hewlett Packard Enterprise · Bangalore · May 2017 – Jun 2019

			                        ▸ HA/RFS module development
			                          Hewlett Packard Enterprise · Bangalore · Aug 2014 – May 2017

			                        ▸ Preparation of SONY Linux
			                          SONY · Bangalore · Apr 2013 – Aug 2014
			Enter/Space expand  ↑↓ jk move  Esc/← back  ? help  / search  Tab section  Ctrl-d scroll  q quit"
		`);
		const expanded = await app.press(keys.enter);
		expect(expanded).toMatchInlineSnapshot(`
			"Balakumaran Kannan · System Programmer
			Bangalore
			kumaran.4353@gmail.com · +91 7406479544 · https://github.com/0xba1a
			https://www.eastrivervillage.com
			────────────────────────────────────────────────────────────────────────────────────────────────────
			  About               Projects                                                            1–23 of 33
			  Experience          › ▾ Utilization metric collector - Minute level granularity
			  Work highlights     │   Flipkart · Bangalore · Jun 2020 – Present
			❯ Projects            │   • Collect CPU, Memory, Network and Disk utilization every minute from 70K+
			  Patents             │     VMs across 2 DCs
			  Education           │   • Architected the project end-to-end from design to delivery
			  Skills              │   • Developed a new method for VM-Host communication and patented it
			  Contact
			                        ▸ Performance evaluation of virtual L3-cache
			                          Flipkart · Bangalore · Mar 2020 – May 2020

			                        ▸ Other significant activities
			                          Flipkart · Bangalore · Jun 2019 – Present

			                        ▸ Linux OS development for ARM & ARM64
			                          Hewlett Packard Enterprise · Bangalore · May 2017 – Jun 2019

			                        ▸ Bootloader development for ARM32
			                          Hewlett Packard Enterprise · Bangalore · Sep 2018 – Jun 2019

			                        ▸ Other significant activities
			                          Hewlett Packard Enterprise · Bangalore · May 2017 – Jun 2019

			                        ▸ HA/RFS module development
			Enter/Space expand  ↑↓ jk move  Esc/← back  ? help  / search  Tab section  Ctrl-d scroll  q quit"
		`);
		expect(await app.press(keys.enter)).toBe(collapsed);
		for (const key of [' ', keys.right, 'l']) {
			expect(await app.press(key)).toBe(expanded);
			expect(await app.press(key)).toBe(collapsed);
		}
	});

	it('tells the two "Other significant activities" apart by employer', async () => {
		app = await renderApp({size: {columns: 100, rows: 40}});
		const frame = await app.press('jjj');
		const index = lines(frame).findIndex((line) => line.includes('▸ Other significant activities'));
		expect(lines(frame)[index + 1]).toContain('Flipkart · Bangalore · Jun 2019 – Present');
		const second = lines(frame).findIndex((line, at) => at > index && line.includes('▸ Other significant activities'));
		expect(lines(frame)[second + 1]).toContain('Hewlett Packard Enterprise · Bangalore · May 2017 – Jun 2019');
	});

	it('scrolls a long section in a viewport with a position indicator', async () => {
		app = await renderApp({size: {columns: 80, rows: 24}});
		await app.press('jjjl');
		const top = await app.press(keys.enter);
		expect(lines(top)[5]).toMatch(/Projects\s+1–17 of \d+$/);
		const bottom = await app.press('G');
		expect(lines(bottom)[5]).toMatch(/Projects\s+\d+–(\d+) of \1$/);
		expect(bottom).toContain('› ▸ Application development for connected devices');
		const back = await app.press('g');
		expect(lines(back)[5]).toMatch(/Projects\s+1–17 of \d+$/);
		const paged = await app.press(keys.pageDown);
		expect(lines(paged)[5]).toMatch(/Projects\s+17–33 of \d+$/);
		const half = await app.press(keys.ctrlU);
		expect(lines(half)[5]).toMatch(/Projects\s+9–25 of \d+$/);
		expect(lines(await app.press(keys.ctrlD))[5]).toMatch(/Projects\s+17–33 of \d+$/);
	});

	it('goes back to the menu with ←, h and Esc', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}});
		const home = app.frame();
		for (const key of [keys.left, 'h', keys.escape]) {
			const inside = await app.press(keys.enter);
			expect(inside).toContain('› Linux system programmer');
			expect(await app.press(key)).toBe(home);
		}
	});

	it('cycles sections with Tab and Shift-Tab, wrapping round', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}});
		expect(lines(await app.press(keys.shiftTab))[5]).toMatch(/^ {2}About\s+Contact$/);
		expect(lines(app.frame())[12]).toMatch(/^❯ Contact/);
		expect(lines(await app.press(keys.tab))[5]).toMatch(/^❯ About\s+About$/);
		expect(lines(await app.press(keys.tab))[6]).toMatch(/^❯ Experience/);
	});

	it('shows the keys that apply in the footer and toggles help with ?', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}});
		expect(lines(app.frame()).at(-1)).toBe('↑↓ jk move  Enter/→ enter  ? help  / search  Tab section  Ctrl-d scroll  q quit');
		await app.press('jjj');
		expect(lines(await app.press(keys.enter)).at(-1)).toBe('Enter/Space expand  ↑↓ jk move  Esc/← back  ? help  / search  Tab section  Ctrl-d scroll  q quit');
		const help = await app.press('?');
		expect(help).toMatchInlineSnapshot(`
			"Balakumaran Kannan · System Programmer
			Bangalore
			kumaran.4353@gmail.com · +91 7406479544 · https://github.com/0xba1a
			https://www.eastrivervillage.com
			────────────────────────────────────────────────────────────────────────────────────────────────────
			Keys                                                                                      1–23 of 61
			  Section list
			    ↓ j                  next section
			    ↑ k                  previous section
			    Enter → l Space      enter the section
			    g Home               first section (gg works too)
			    G End                last section

			  Inside a section
			    ↓ j                  next item
			    ↑ k                  previous item
			    Esc ← h              back to the sections (Esc first clears a search)
			    g Home               top of the section (gg works too)
			    G End                bottom of the section

			  On a project
			    Enter Space → l      expand or collapse the project
			    zo                   expand the project
			    zc                   collapse the project
			    za                   expand or collapse the project

			  On a link
			    Enter o              open the focused link
			    yy                   copy the focused link (OSC 52)
			Esc/← close  ? help  / search  Tab section  Ctrl-d scroll  q quit"
		`);
		expect(await app.press('?')).toContain('› ▸ Utilization metric collector');
	});

	it('opens the focused link with Enter or o, and only safe links', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}});
		await app.press(keys.shiftTab);
		const contact = await app.press(keys.enter);
		expect(contact).toContain('› Email    kumaran.4353@gmail.com');
		expect(lines(contact).at(-1)).toMatch(/^Enter\/o open/);
		const opened = await app.press('o');
		expect(lines(opened).at(-1)).toBe('Opening mailto:kumaran.4353@gmail.com');
		await app.press('j');
		await app.press(keys.enter);
		await app.press('j');
		await app.press('o');
		await app.press('j');
		await app.press('o');
		expect(app.opened).toEqual([
			'mailto:kumaran.4353@gmail.com',
			'tel:+917406479544',
			'https://www.eastrivervillage.com/',
			'https://github.com/0xba1a',
		]);
	});

	it('quits on q and Ctrl-C, even from help', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}});
		app.press('q');
		app.press('?');
		app.press(keys.ctrlC);
		await app.press('j');
		expect(app.quits()).toBe(2);
	});

	it('shows a one-line notice below 40×12 and survives 1×1', async () => {
		app = await renderApp({size: {columns: 39, rows: 30}});
		expect(app.frame()).toBe('terminal too small: need 40×12');
		expect(await app.resize({columns: 100, rows: 11})).toBe('terminal too small: need 40×12');
		expect(await app.resize({columns: 1, rows: 1})).toBe('t');
		// Keys pressed while the notice shows do nothing but quit.
		void app.press('jjj\t?');
		expect(await app.resize({columns: 40, rows: 12})).toMatchInlineSnapshot(`
			"Balakumaran Kannan · System Programmer
			Bangalore
			────────────────────────────────────────
			‹ About › 1/8
			  Linux system programmer having 9 years
			  of experience with a Bachelor of
			  Engineering degree specialized in
			  computer science and engineering. Open
			  source contributor, hobby blogger and
			  a proud fan of Vim

			↑↓ jk move  Enter/→ enter  ? help  / se…"
		`);
	});

	it('re-lays out at once on resize and keeps the cursor in view', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}});
		await app.press('jjjl');
		await app.press('G');
		const small = await app.resize({columns: 60, rows: 20});
		expect(lines(small)).toHaveLength(20);
		expect(small).toContain('› ▸ Application development');
		for (const line of lines(small)) {
			expect([...line].length).toBeLessThanOrEqual(60);
		}
	});

	it('draws with colour tokens when the theme has colour', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}, style: {theme: createTheme('dark', 1), hasHyperlinks: true}});
		expect(app.rawFrame()).toContain('\u001B[1m\u001B[36mBalakumaran Kannan');
		await app.press(keys.shiftTab);
		expect(await app.press(keys.enter)).toContain('kumaran.4353@gmail.com');
		expect(app.rawFrame()).toContain('\u001B]8;;mailto:kumaran.4353@gmail.com\u0007');
	});

	it('opens at a given section with its first entry focused', async () => {
		app = await renderApp({size: {columns: 100, rows: 30}, initialSection: 3});
		expect(app.frame()).toContain('› ▸ Utilization metric collector');
		expect(await app.press(keys.enter)).toContain('• Collect CPU, Memory, Network and Disk utilization every minute');
	});
});
