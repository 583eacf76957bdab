// The HTTP routes: the page at /, its built files under /assets/, the favicon. Nothing else exists,
// no method but GET and HEAD, no request body; every response carries the same security headers.
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Asset, WebAssets} from './assets.js';

/**
 * No inline script and no script from elsewhere; inline styles only because xterm.js sets them on
 * the terminal's rows. Nothing may frame the page.
 */
export const contentSecurityPolicy = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self'",
	"connect-src 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"form-action 'none'",
	"frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Readonly<Record<string, string>> = {
	'Content-Security-Policy': contentSecurityPolicy,
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export type Routes = {
	/** The page at `/`. */
	readonly page: Asset;
	readonly assets: WebAssets;
};

/** A short plain-text answer: an error, or a limit. */
export function sendText(response: ServerResponse, status: number, text: string, extra: Readonly<Record<string, string>> = {}): void {
	const body = Buffer.from(`${text}\n`);
	response.writeHead(status, {
		...securityHeaders,
		'Content-Type': 'text/plain; charset=utf-8',
		'Content-Length': String(body.length),
		'Cache-Control': 'no-store',
		...extra,
	});
	response.end(body);
}

/** The raw bytes of `sendText`'s answer, for a socket refused before any request is read. */
export function rawResponse(status: number, reason: string, text: string): string {
	const body = `${text}\n`;
	const headers = Object.entries({...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close'});
	return `HTTP/1.1 ${status} ${reason}\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${body}`;
}

function sendAsset(request: IncomingMessage, response: ServerResponse, file: Asset): void {
	const accepts = request.headers['accept-encoding'] ?? '';
	const isGzipped = file.gzipped !== undefined && /\bgzip\b/.test(accepts);
	const body = isGzipped && file.gzipped ? file.gzipped : file.body;
	response.writeHead(200, {
		...securityHeaders,
		'Content-Type': file.type,
		'Content-Length': String(body.length),
		'Cache-Control': file.isImmutable ? 'public, max-age=31536000, immutable' : 'no-cache',
		Vary: 'Accept-Encoding',
		...(isGzipped ? {'Content-Encoding': 'gzip'} : {}),
	});
	// Node leaves the body out of a HEAD response by itself.
	response.end(body);
}

export function route(request: IncomingMessage, response: ServerResponse, routes: Routes): void {
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		sendText(response, 405, 'Method not allowed: only GET and HEAD.', {Allow: 'GET, HEAD'});
		return;
	}

	// A GET has no body; one that claims one is not read.
	const length = request.headers['content-length'];
	if (request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')) {
		response.shouldKeepAlive = false;
		sendText(response, 413, 'Request bodies are not accepted.', {Connection: 'close'});
		return;
	}

	// Only the path counts (a query string is ignored), and it is looked up as it came: `..`,
	// `%2e%2e` or `//` are simply not in the map.
	const url = request.url ?? '';
	const target = url.split('?', 1)[0] ?? '';
	const file = target === '/' ? routes.page : routes.assets.files.get(target);
	if (file === undefined) {
		sendText(response, 404, 'Not found.');
		return;
	}

	sendAsset(request, response, file);
}
