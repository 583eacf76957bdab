// The server's identity: an ed25519 key in OpenSSH format, made on first start and kept private
// (0600 in a 0700 directory), never written again: instances behind one balancer share the file,
// which may be read-only. A key others can read is refused, as sshd refuses one.
import {createHash, randomBytes} from 'node:crypto';
import {chmodSync, closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import ssh2 from 'ssh2';

// ssh2 is CommonJS: a default import works alike under Node, vitest and the bundle.
const {utils} = ssh2;

export type HostKey = {
	/** The private key in OpenSSH format, as ssh2 takes it. */
	readonly privateKey: Buffer;
	/** `SHA256:…`, as `ssh-keygen -lf` and the client's "key fingerprint is" line show it. */
	readonly fingerprint: string;
	readonly path: string;
	readonly isNew: boolean;
};

export type HostKeyResult =
	| {readonly ok: true; readonly key: HostKey}
	/** `isMissing`: there is no file at the path (yet). */
	| {readonly ok: false; readonly error: string; readonly isMissing?: boolean};

/** `$XDG_CONFIG_HOME/balakumaran/ssh_host_ed25519_key`, or under `~/.config`. */
export function defaultHostKeyPath(env: Readonly<Record<string, string | undefined>> = process.env, home = homedir()): string {
	const config = env['XDG_CONFIG_HOME'] || join(home, '.config');
	return join(config, 'balakumaran', 'ssh_host_ed25519_key');
}

/** OpenSSH's fingerprint: unpadded base64 of the SHA-256 of the public key blob. */
export function fingerprintOf(publicKeyBlob: Buffer): string {
	return `SHA256:${createHash('sha256').update(publicKeyBlob).digest('base64').replace(/=+$/, '')}`;
}

function parse(privateKey: Buffer, path: string, isNew: boolean): HostKeyResult {
	const parsed = utils.parseKey(privateKey);
	if (parsed instanceof Error || Array.isArray(parsed)) {
		const reason = parsed instanceof Error ? parsed.message : 'more than one key in the file';
		return {ok: false, error: `host key ${path} is not a usable private key (${reason})`};
	}

	return {ok: true, key: {privateKey, fingerprint: fingerprintOf(parsed.getPublicSSH()), path, isNew}};
}

/**
 * A new ed25519 private key that ssh2 can read back. Its generator drops a leading zero byte from
 * the public key about one time in 256, and its parser then rejects the key (mscdex/ssh2#1390):
 * such a key is made again rather than written.
 */
export function generateHostKey(generate = (): string => utils.generateKeyPairSync('ed25519').private): string {
	for (let attempt = 1; ; attempt++) {
		const privateKey = generate();
		const parsed = utils.parseKey(privateKey);
		if (!(parsed instanceof Error) || attempt >= 64) {
			return privateKey;
		}
	}
}

/**
 * Puts a new key at `path` whole or not at all: written beside it under a name of its own, then
 * linked into place, which fails if the path exists. So instances starting at once on one missing
 * file all end up with the same key, and none ever reads a half-written one. False if another
 * instance made it first.
 */
function create(path: string): boolean {
	const directory = dirname(path);
	const made = mkdirSync(directory, {recursive: true, mode: 0o700});
	if (made !== undefined) {
		// mkdir's mode is filtered by the umask; the directory we made must be ours alone.
		chmodSync(directory, 0o700);
	}

	const privateKey = generateHostKey();
	const draft = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.new`;
	const fd = openSync(draft, 'wx', 0o600);
	try {
		try {
			writeSync(fd, privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}

		linkSync(draft, path);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			return false;
		}

		throw error;
	} finally {
		unlinkSync(draft);
	}
}

/** Reads the key at `path` without ever making or changing it (for --fingerprint, and at start). */
export function readHostKey(path: string, isNew = false): HostKeyResult {
	try {
		const stats = statSync(path, {throwIfNoEntry: false});
		if (stats === undefined) {
			return {
				ok: false,
				isMissing: true,
				error: `no host key at ${path}; the server makes one when it first starts with --host-key ${path} (or: ssh-keygen -t ed25519 -N '' -f ${path})`,
			};
		}

		if (!stats.isFile()) {
			return {ok: false, error: `host key ${path} is not a file`};
		}

		if ((stats.mode & 0o077) !== 0) {
			const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
			return {ok: false, error: `host key ${path} is readable by group or others (mode ${mode}); run: chmod 600 ${path}`};
		}

		return parse(readFileSync(path), path, isNew);
	} catch (error) {
		return {ok: false, error: `host key ${path}: ${error instanceof Error ? error.message : String(error)}`};
	}
}

/** The key at `path`, made there first if there is none. */
export function loadOrCreateHostKey(path: string): HostKeyResult {
	let isNew = false;
	try {
		if (statSync(path, {throwIfNoEntry: false}) === undefined) {
			isNew = create(path);
		}
	} catch (error) {
		return {ok: false, error: `host key ${path}: ${error instanceof Error ? error.message : String(error)}`};
	}

	return readHostKey(path, isNew);
}
