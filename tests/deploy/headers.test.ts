import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { headerPolicy, pagePolicy } from '../../pipelines/site-headers';
import { serveBuild } from '../helpers/browser';
import { startNginx } from '../helpers/nginx';

/** The same checks against nginx with deploy/koers.conf and against the preview server. */
const servers: Record<string, { url: string; stop: () => Promise<void> }> = {};
beforeAll(async () => {
	servers['nginx'] = await startNginx();
	const preview = await serveBuild();
	servers['preview'] = { url: preview.url, stop: preview.close };
});
afterAll(async () => {
	for (const s of Object.values(servers)) await s.stop();
});

const wasm = (readdirSync('build/_app/immutable', { recursive: true }) as string[]).find((f) =>
	f.endsWith('.wasm')
)!;
const script = (readdirSync('build/_app/immutable', { recursive: true }) as string[]).find((f) =>
	f.endsWith('.js')
)!;
const parquet = (readdirSync('build/data', { recursive: true }) as string[]).find((f) =>
	f.endsWith('.parquet')
)!;

describe.each(['nginx', 'preview'])('%s serves the build with the site’s headers', (name) => {
	const get = (path: string, headers: Record<string, string> = {}) =>
		fetch(servers[name]!.url + path, { headers, redirect: 'manual' });

	test('a page carries its own Content-Security-Policy as a header, plus frame-ancestors', async () => {
		for (const path of ['/', '/overzicht', '/programma/GM0193/2016/12']) {
			const res = await get(path);
			expect(res.status, path).toBe(200);
			const policy = pagePolicy(await res.text());
			expect(policy, path).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
			expect(res.headers.get('content-security-policy'), path).toBe(headerPolicy(policy!));
			expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(res.headers.get('cache-control')).toBe('no-cache');
		}
		expect((await get('/data/manifest.json')).headers.get('cache-control')).toBe('no-cache');
	});

	test('content-hashed assets and Parquet are immutable; Parquet answers a byte range with 206', async () => {
		const js = await get(`/_app/immutable/${script}`);
		expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		const range = await get(`/data/${parquet}`, { range: 'bytes=0-99' });
		expect(range.status).toBe(206);
		expect(range.headers.get('content-range')).toMatch(/^bytes 0-99\/\d+$/);
		expect(range.headers.get('content-type')).toBe('application/vnd.apache.parquet');
		expect(range.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect((await range.arrayBuffer()).byteLength).toBe(100);
	});

	test('the WASM goes out precompressed: brotli when accepted, else gzip, as application/wasm', async () => {
		for (const [accept, encoding] of [
			['br, gzip', 'br'],
			['gzip', 'gzip']
		] as const) {
			const res = await get(`/_app/immutable/${wasm}`, { 'accept-encoding': accept });
			expect(res.status).toBe(200);
			expect(res.headers.get('content-encoding')).toBe(encoding);
			expect(res.headers.get('content-type')).toBe('application/wasm');
			expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
			await res.arrayBuffer();
		}
	});

	test('an unknown path gets the site’s own 404 page, with the headers', async () => {
		const res = await get('/bestaat/niet');
		expect(res.status).toBe(404);
		expect(await res.text()).toContain('Pagina niet gevonden');
		expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect((await get('/csp-nginx.map')).status).toBe(404);
	});
});
