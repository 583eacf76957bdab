// `balakumaran serve` as a command: its help, its flags, and its host key.
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';
import {startServe, stopAll} from './helpers/serve.js';

const dir = mkdtempSync(join(tmpdir(), 'balakumaran-serve-cli-'));
afterAll(async () => {
	await stopAll();
	rmSync(dir, {recursive: true, force: true});
});

describe('balakumaran serve', () => {
	it('prints the pinned --help text and exits 0', () => {
		const result = runCli(['serve', '--help']);
		expect(result.status).toBe(0);
		expect(result.stdout).toBe(`
Serve the résumé over SSH: anyone can read it with \`ssh -p 2222 <host>\`.
Any user name, no password; no shell, no files, no forwarding.

Usage
  $ balakumaran serve [options]

Options
  --host <address>             listen on this address (default: 0.0.0.0)
  --port <number>              listen on this port (default: 2222)
  --host-key <file>            the server's ed25519 key, made on first start (default:
                               $XDG_CONFIG_HOME/balakumaran/ssh_host_ed25519_key, or
                               ~/.config/balakumaran/ssh_host_ed25519_key)
  --fingerprint                print the host key's SHA256 fingerprint and exit
  --resume <file>              serve another JSON Resume 1.0.0 file
  --web-port <number>          also serve the résumé as a web page, and the TUI in the
                               browser, over HTTP on this port (off by default)
  --web-origin <origin>        a page allowed to open a session, e.g. https://your.domain
                               (repeatable; default: the origin the request's Host names)

Behind a load balancer
  --proxy-protocol             every connection starts with a PROXY header (v1 or v2, as
                               HAProxy's send-proxy-v2 sends it); the visitor's address in it
                               is the one limited and logged
  --trusted-proxy <address>    a balancer that may send one: an address or a CIDR range,
                               repeatable, required with --proxy-protocol; a connection from
                               anywhere else is closed unanswered

Limits (a visitor over one is told so in one line, then disconnected)
  --max-sessions <n>           visitors at once (default: 200)
  --max-per-address <n>        connections at once from one address (default: 5)
  --rate-per-address <n>       new connections a minute from one address (default: 20)
  --login-timeout <seconds>    to finish the handshake and log in (default: 10)
  --idle-timeout <seconds>     without a key press (default: 600)
  --max-session <seconds>      for any one visit (default: 1800)
  --key-rate <n>               keys a second from one address; more are dropped (default: 50)

Memory
  --unmount-after <seconds>    a visitor's app is unmounted this long after their last key;
                               their screen stays, and the next key mounts it again
                               (default: 10)

Visitors
  ssh -p 2222 <host>             the résumé, full screen, at their terminal's size
  ssh -p 2222 <host> projects    one section, printed (any section id)
  ssh -p 2222 <host> markdown    the whole résumé as text, markdown, json or html
  ssh -t -p 2222 <host> screen-reader
                                 lines of words for a screen reader (so does
                                 SetEnv INK_SCREEN_READER=true)
  http://<host>:<web-port>/      the same TUI in the browser; the résumé as a plain page
                                 without JavaScript, on a phone, and in print

SIGTERM or SIGINT tells each visitor the server is restarting, closes within 5 s and
exits 0. One line per connection is logged to standard error.

`);
	});

	it.each([
		[['--bogus'], "balakumaran serve: unknown option '--bogus'; see --help\n"],
		[['--port'], "balakumaran serve: option '--port' needs a value; see --help\n"],
		[['--web-port', '--port', '22'], "balakumaran serve: option '--web-port' needs a value; see --help\n"],
		[['--port', '22', '--port', '23'], "balakumaran serve: option '--port' given more than once; see --help\n"],
		[['--port', '70000'], "balakumaran serve: invalid --port '70000': expected a whole number from 0 to 65535\n"],
		[['--max-sessions', '0'], "balakumaran serve: invalid --max-sessions '0': expected a whole number from 1 to 100000\n"],
		[['--idle-timeout', 'soon'], "balakumaran serve: invalid --idle-timeout 'soon': expected seconds, more than 0\n"],
		[['--unmount-after', '0'], "balakumaran serve: invalid --unmount-after '0': expected seconds, more than 0\n"],
		[['projects'], "balakumaran serve: unexpected argument 'projects'; see --help\n"],
		[
			['--proxy-protocol'],
			'balakumaran serve: --proxy-protocol needs at least one --trusted-proxy <address or CIDR>: the load balancers allowed to send the header\n',
		],
		[['--trusted-proxy', '10.0.0.5'], 'balakumaran serve: --trusted-proxy needs --proxy-protocol (without it, no header is read)\n'],
		[
			['--proxy-protocol', '--trusted-proxy', '10.0.0.5', '--trusted-proxy', '10.0.0.0/33'],
			"balakumaran serve: invalid --trusted-proxy '10.0.0.0/33': a IPv4 prefix is at most /32\n",
		],
		[['--proxy-protocol', '--trusted-proxy', '0.0.0.0/0'], "balakumaran serve: invalid --trusted-proxy '0.0.0.0/0': that trusts every address; name the load balancers' addresses\n"],
		[['--web-port', 'web'], "balakumaran serve: invalid --web-port 'web': expected a whole number from 0 to 65535\n"],
		[['--web-port', '0', '--web-origin', 'https://example.com/path'], "balakumaran serve: invalid --web-origin 'https://example.com/path': expected http:// or https:// and a host, with no path (e.g. https://your.domain)\n"],
		[['--web-origin', 'https://example.com'], 'balakumaran serve: --web-origin needs --web-port\n'],
	])('refuses %j in one line with exit code 2', (args, message) => {
		const result = runCli(['serve', ...args]);
		expect(result).toEqual({status: 2, stdout: '', stderr: message});
	});

	it('makes an ed25519 key on first start (0600, in a new 0700 directory), whose fingerprint --fingerprint prints', async () => {
		const keyPath = join(dir, 'fresh', 'keys', 'host_key');
		const served = await startServe([], {keyPath});
		expect(statSync(keyPath).mode & 0o777).toBe(0o600);
		expect(statSync(join(dir, 'fresh', 'keys')).mode & 0o777).toBe(0o700);
		expect(readFileSync(keyPath, 'utf8')).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+\n-----END OPENSSH PRIVATE KEY-----\n$/);
		const result = runCli(['serve', '--fingerprint', '--host-key', keyPath]);
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toMatch(/^SHA256:[A-Za-z\d+/]{43}\n$/);
		expect(served.logs()).toContain(`balakumaran serve: host key ${keyPath} (new) ${result.stdout.trim()}`);
		// ssh-keygen reads the key and computes the same fingerprint.
		const keygen = execFileSync('ssh-keygen', ['-lf', keyPath], {encoding: 'utf8'});
		expect(keygen).toMatch(/^256 SHA256:\S+ .*\(ED25519\)\n$/);
		expect(keygen.split(' ')[1]).toBe(result.stdout.trim());
		expect((await served.stop()).code).toBe(0);
		// The same key the next time.
		const again = await startServe([], {keyPath});
		expect(again.logs()).toContain(`balakumaran serve: host key ${keyPath} ${result.stdout.trim()}`);
		expect((await again.stop()).code).toBe(0);
	});

	it('keeps its key under $XDG_CONFIG_HOME by default', async () => {
		const config = join(dir, 'config');
		const served = await startServe([], {keyPath: null, env: {XDG_CONFIG_HOME: config}});
		const keyPath = join(config, 'balakumaran', 'ssh_host_ed25519_key');
		expect(statSync(keyPath).mode & 0o777).toBe(0o600);
		expect(served.logs().some((line) => line.startsWith(`balakumaran serve: host key ${keyPath} (new) SHA256:`))).toBe(true);
		expect((await served.stop()).code).toBe(0);
	});

	it('says there is no key for --fingerprint on a missing one (exit 2), and makes none', () => {
		const keyPath = join(dir, 'nowhere', 'ssh_host_ed25519_key');
		expect(runCli(['serve', '--fingerprint', '--host-key', keyPath])).toEqual({
			status: 2,
			stdout: '',
			stderr: `balakumaran serve: no host key at ${keyPath}; the server makes one when it first starts with --host-key ${keyPath} (or: ssh-keygen -t ed25519 -N '' -f ${keyPath})\n`,
		});
		expect(existsSync(join(dir, 'nowhere'))).toBe(false);
		const config = join(dir, 'empty-config');
		const byDefault = runCli(['serve', '--fingerprint'], {XDG_CONFIG_HOME: config});
		expect(byDefault.status).toBe(2);
		expect(byDefault.stderr).toContain(`no host key at ${join(config, 'balakumaran', 'ssh_host_ed25519_key')};`);
		expect(existsSync(config)).toBe(false);
	});

	it('serves a read-only (0400) key, made by ssh-keygen, and never writes it', async () => {
		const keyPath = join(dir, 'read-only', 'ssh_host_ed25519_key');
		mkdirSync(join(dir, 'read-only'), {mode: 0o700});
		execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyPath]);
		chmodSync(keyPath, 0o400);
		const before = {text: readFileSync(keyPath, 'utf8'), mtime: statSync(keyPath).mtimeMs};
		const fingerprint = execFileSync('ssh-keygen', ['-lf', keyPath], {encoding: 'utf8'}).split(' ')[1];
		expect(runCli(['serve', '--fingerprint', '--host-key', keyPath])).toEqual({status: 0, stdout: `${fingerprint}\n`, stderr: ''});
		const served = await startServe([], {keyPath});
		expect(served.logs()).toContain(`balakumaran serve: host key ${keyPath} ${fingerprint}`);
		expect((await served.stop()).code).toBe(0);
		expect({text: readFileSync(keyPath, 'utf8'), mtime: statSync(keyPath).mtimeMs}).toEqual(before);
		expect(statSync(keyPath).mode & 0o777).toBe(0o400);
		expect(readdirSync(join(dir, 'read-only'))).toEqual(['ssh_host_ed25519_key', 'ssh_host_ed25519_key.pub']);
	});

	it('gives instances started at once on one missing key file the same key, made once', async () => {
		const keyPath = join(dir, 'shared', 'ssh_host_ed25519_key');
		const instances = await Promise.all(Array.from({length: 4}, async () => startServe([], {keyPath})));
		const keyLines = instances.map((served) => served.logs().find((line) => line.includes(' host key ')) ?? '');
		const fingerprint = execFileSync('ssh-keygen', ['-lf', keyPath], {encoding: 'utf8'}).split(' ')[1];
		expect(keyLines.map((line) => line.split(' ').at(-1))).toEqual([fingerprint, fingerprint, fingerprint, fingerprint]);
		expect(keyLines.filter((line) => line.includes(' (new) '))).toHaveLength(1);
		// Nothing left beside it: each draft was linked into place or removed.
		expect(readdirSync(join(dir, 'shared'))).toEqual(['ssh_host_ed25519_key']);
		expect((await Promise.all(instances.map(async (served) => served.stop()))).map((exit) => exit.code)).toEqual([0, 0, 0, 0]);
	});

	it('refuses to start with a key that group or others can read: one line, exit 1', () => {
		const keyPath = join(dir, 'shared-key');
		execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyPath]);
		chmodSync(keyPath, 0o640);
		const result = runCli(['serve', '--port', '0', '--host-key', keyPath]);
		expect(result).toEqual({
			status: 1,
			stdout: '',
			stderr: `balakumaran serve: host key ${keyPath} is readable by group or others (mode 0640); run: chmod 600 ${keyPath}\n`,
		});
	});

	it('serves the key whose fingerprint --fingerprint prints, as ssh-keyscan sees it', async () => {
		const served = await startServe();
		const printed = runCli(['serve', '--fingerprint', '--host-key', served.keyPath ?? '']).stdout.trim();
		expect(served.logs().join('\n')).toContain(printed);
		const scanned = spawnSync('ssh-keyscan', ['-t', 'ed25519', '-p', String(served.port), '127.0.0.1'], {encoding: 'utf8'});
		const fingerprint = spawnSync('ssh-keygen', ['-lf', '-'], {input: scanned.stdout, encoding: 'utf8'});
		expect(fingerprint.stdout).toBe(`256 ${printed} [127.0.0.1]:${served.port} (ED25519)\n`);
		expect((await served.stop()).code).toBe(0);
	});
});
