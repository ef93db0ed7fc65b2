import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import mime from 'mime-types';
import serveStatic from 'serve-static';
import {
	cacheControl,
	CSP_MAP,
	headerPolicy,
	pagePolicy,
	readCspMap,
	SECURITY_HEADERS,
	TYPES
} from './site-headers';

type Handler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** The precompressed variants `npm run build` writes, best first. */
const ENCODINGS = [
	{ suffix: '.br', name: 'br' },
	{ suffix: '.gz', name: 'gzip' }
] as const;

/**
 * One folder served by serve-static (path traversal, malformed percent-encoding and NUL bytes are
 * refused there; byte ranges, HEAD and conditional requests handled there), with the site's headers.
 * `/x` also finds `x.html` and `x/index.html`, as nginx's try_files does.
 */
function folder(root: string, policies: () => Map<string, string>): Handler {
	const withHeaders = (encoding: string | null) =>
		serveStatic(root, {
			extensions: ['html'],
			index: ['index.html'],
			redirect: false,
			fallthrough: true,
			// Cache-Control is ours (immutable or no-cache), never serve-static's max-age.
			cacheControl: false,
			setHeaders(res, path) {
				const original = encoding
					? path.slice(0, -ENCODINGS.find((e) => e.name === encoding)!.suffix.length)
					: path;
				const urlPath = original.slice(root.length).replaceAll('\\', '/');
				res.setHeader('Cache-Control', cacheControl(urlPath));
				const type = TYPES[extname(original)];
				if (type) res.setHeader('Content-Type', type);
				if (encoding) {
					res.setHeader('Content-Encoding', encoding);
					if (!type)
						res.setHeader('Content-Type', mime.contentType(extname(original)) || 'application/octet-stream');
				}
				res.setHeader('Vary', 'Accept-Encoding');
				if (original.endsWith('.html')) {
					const policy = policies().get(urlPath) ?? pagePolicy(readFileSync(original, 'utf8'));
					if (policy)
						res.setHeader(
							'Content-Security-Policy',
							policy.includes('frame-ancestors') ? policy : headerPolicy(policy)
						);
				}
			}
		});
	const plain = withHeaders(null);
	const compressed = ENCODINGS.map((e) => ({ ...e, handler: withHeaders(e.name) }));
	return (req, res, next) => {
		const accepted = String(req.headers['accept-encoding'] ?? '');
		const [path, query] = (req.url ?? '/').split(/\?(.*)/s, 2);
		const search = query !== undefined ? `?${query}` : '';
		// As nginx's try_files: `/x` is x.html before a folder x/ (a page and its folder of files).
		// (Names may hold dots, as doel-2.1.1: try the page first unless the path names an HTML file or folder.)
		const bases = path!.endsWith('.html') || path!.endsWith('/') ? [path!] : [`${path}.html`, path!];
		const tries = bases.flatMap((base) => [
			// A precompressed twin has the same path plus .br or .gz.
			...compressed
				.filter((e) => new RegExp(`\\b${e.name}\\b`).test(accepted))
				.map((e) => ({ url: `${base}${e.suffix}${search}`, handler: e.handler })),
			{ url: `${base}${search}`, handler: plain }
		]);
		const attempt = (i: number) => {
			if (i >= tries.length) return next();
			req.url = tries[i]!.url;
			tries[i]!.handler(req, res, (error) => (error ? next(error) : attempt(i + 1)));
		};
		attempt(0);
	};
}

/**
 * Serves the static build on localhost as nginx serves it (deploy/koers.conf): byte ranges (206)
 * for Parquet, precompressed files, the page's CSP and the other headers, the site's 404 page. A
 * hostile request gets 400, 404 or 416 and the server keeps serving. Resolves when listening.
 */
export function serve(options: {
	dir: string;
	port: number;
	quiet?: boolean;
	/** serve /data/ from this folder instead of the build's copy (another release, e.g. the national set) */
	dataDir?: string;
}): Promise<Server> {
	const root = resolve(options.dir);
	let policies: Map<string, string> | null = null;
	const csp = () => (policies ??= readCspMap(root));
	const site = folder(root, csp);
	const data = options.dataDir ? folder(resolve(options.dataDir), csp) : null;
	const notFound = join(root, '404.html');
	const fail = (res: ServerResponse, status: number) => {
		for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
		res.setHeader('Cache-Control', 'no-cache');
		res.setHeader('Content-Type', 'text/html; charset=utf-8');
		res.statusCode = status;
		if (status === 404 && existsSync(notFound)) {
			const policy = csp().get('/404.html') ?? pagePolicy(readFileSync(notFound, 'utf8'));
			// The CSP map of npm run build holds header policies already (frame-ancestors included).
			if (policy)
				res.setHeader(
					'Content-Security-Policy',
					policy.includes('frame-ancestors') ? policy : headerPolicy(policy)
				);
			res.end(readFileSync(notFound));
		} else res.end(status === 404 ? 'Niet gevonden' : 'Ongeldig verzoek');
	};
	const server = createServer((req, res) => {
		for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.setHeader('Allow', 'GET, HEAD');
			return fail(res, 405);
		}
		const done = (error?: unknown) => {
			if (res.headersSent) return void res.end();
			const status = (error as { status?: number } | undefined)?.status;
			fail(res, status && status >= 400 && status < 500 && status !== 403 ? status : 404);
		};
		try {
			const path = (req.url ?? '/').split('?')[0]!;
			// serve-static passes over a malformed path to the next handler (404); it is a bad request.
			decodeURIComponent(path);
			if (path === `/${CSP_MAP}`) return done();
			if (data && (req.url ?? '').startsWith('/data/')) {
				req.url = (req.url ?? '').slice('/data'.length);
				data(req, res, done);
			} else site(req, res, done);
		} catch {
			done({ status: 400 });
		}
	});
	// A malformed request line never reaches the handler: answer it, keep the server up.
	server.on('clientError', (_error, socket) => {
		if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
		else socket.destroy();
	});
	return new Promise((resolvePromise) => {
		server.listen(options.port, '127.0.0.1', () => {
			if (!options.quiet)
				console.log(`Koers draait op http://localhost:${options.port}/ (Ctrl+C om te stoppen)`);
			resolvePromise(server);
		});
	});
}
