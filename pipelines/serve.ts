import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.wasm': 'application/wasm',
	'.parquet': 'application/vnd.apache.parquet',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8'
};

/** Resolves a URL path to a file in the build, the way a static host does (`/x` → `/x.html`). */
function resolveFile(root: string, urlPath: string): string | null {
	const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
	const base = join(root, clean);
	if (!base.startsWith(root)) return null;
	for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

/**
 * Serves the static build on localhost with HTTP range support (206), so the browser can read only
 * the Parquet row groups a query needs. Resolves when listening; prints the URL.
 */
export function serve(options: {
	dir: string;
	port: number;
	quiet?: boolean;
	/** serve /data/ from this folder instead of the build's copy (another release, e.g. the national set) */
	dataDir?: string;
}): Promise<Server> {
	const root = resolve(options.dir);
	const data = options.dataDir ? resolve(options.dataDir) : null;
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const file =
			data && url.pathname.startsWith('/data/')
				? resolveFile(data, url.pathname.slice('/data'.length))
				: resolveFile(root, url.pathname);
		if (!file) {
			const notFound = join(root, '404.html');
			res.writeHead(404, { 'content-type': TYPES['.html']! });
			res.end(existsSync(notFound) ? undefined : 'Niet gevonden');
			if (existsSync(notFound)) createReadStream(notFound).pipe(res);
			return;
		}
		const size = statSync(file).size;
		const headers: Record<string, string | number> = {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'accept-ranges': 'bytes',
			'cache-control': file.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
		};
		const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
		if (range) {
			const start = range[1] ? Number(range[1]) : size - Number(range[2]);
			const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
			if (start > end || start < 0 || start >= size) {
				res.writeHead(416, { 'content-range': `bytes */${size}` });
				res.end();
				return;
			}
			res.writeHead(206, {
				...headers,
				'content-range': `bytes ${start}-${end}/${size}`,
				'content-length': end - start + 1
			});
			if (req.method === 'HEAD') return void res.end();
			createReadStream(file, { start, end }).pipe(res);
			return;
		}
		res.writeHead(200, { ...headers, 'content-length': size });
		if (req.method === 'HEAD') return void res.end();
		createReadStream(file).pipe(res);
	});
	return new Promise((resolvePromise) => {
		server.listen(options.port, '127.0.0.1', () => {
			if (!options.quiet)
				console.log(`Koers draait op http://localhost:${options.port}/ (Ctrl+C om te stoppen)`);
			resolvePromise(server);
		});
	});
}
