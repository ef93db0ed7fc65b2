import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve } from '../../pipelines/serve';

/** A tiny site with a sibling folder whose name starts like the site's: nothing outside may leak. */
const base = mkdtempSync(join(tmpdir(), 'koers-preview-'));
const root = join(base, 'site');
let port = 0;
let close: () => Promise<void>;

/** Sends a raw request line (the path exactly as written, no client-side normalisation). */
function raw(request: string): Promise<{ status: number; head: string; body: string }> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1', () => socket.write(request));
		let data = '';
		socket.on('data', (d) => (data += d.toString('latin1')));
		socket.on('end', () => {
			const [head = '', body = ''] = data.split('\r\n\r\n', 2);
			resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), head, body });
		});
		socket.on('error', reject);
	});
}
const get = (path: string, headers: string[] = []) =>
	raw(
		`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`
	);

beforeAll(async () => {
	mkdirSync(join(root, 'data'), { recursive: true });
	mkdirSync(join(base, 'site-geheim'));
	writeFileSync(join(root, 'index.html'), '<!doctype html><title>start</title>');
	writeFileSync(join(root, '404.html'), '<!doctype html><title>Pagina niet gevonden</title>');
	writeFileSync(join(root, 'data', 'x.parquet'), Buffer.alloc(1000, 7));
	writeFileSync(join(base, 'site-geheim', 'bsn.txt'), '111222333');
	writeFileSync(join(base, 'buiten.txt'), 'buiten de site');
	const server = await serve({ dir: root, port: 0, quiet: true });
	port = (server.address() as AddressInfo).port;
	close = () => new Promise((r) => server.close(() => r()));
});
afterAll(async () => {
	await close();
	rmSync(base, { recursive: true, force: true });
});

describe('the preview server answers hostile requests and keeps serving', () => {
	test.each([
		['malformed percent-encoding', '/%E0%A4%A', [400]],
		['a lone percent sign', '/%', [400]],
		['.. in the path', '/../buiten.txt', [404]],
		['encoded ..', '/%2e%2e/buiten.txt', [404]],
		['encoded slash and ..', '/..%2fbuiten.txt', [404]],
		['a sibling folder with the same prefix', '/../site-geheim/bsn.txt', [404]],
		['an encoded sibling path', '/%2e%2e%2fsite-geheim%2fbsn.txt', [404]],
		['a NUL byte', '/index.html%00.txt', [400, 404]],
		['a raw NUL byte', '/index\u0000.html', [400]]
	])('%s → %s', async (_what, path, statuses) => {
		const res = await get(path);
		expect(statuses).toContain(res.status);
		expect(res.body).not.toContain('111222333');
		expect(res.body).not.toContain('buiten de site');
		expect((await get('/')).status).toBe(200);
	});

	test('ranges: one range 206, past the end 416, absurd and multiple ranges never break it', async () => {
		const one = await get('/data/x.parquet', ['Range: bytes=10-19']);
		expect(one.status).toBe(206);
		expect(one.head).toMatch(/content-range: bytes 10-19\/1000/i);
		const suffix = await get('/data/x.parquet', ['Range: bytes=-100']);
		expect(suffix.status).toBe(206);
		expect(suffix.head).toMatch(/content-range: bytes 900-999\/1000/i);
		expect((await get('/data/x.parquet', ['Range: bytes=5000-6000'])).status).toBe(416);
		expect([200, 416]).toContain((await get('/data/x.parquet', ['Range: bytes=20-10'])).status);
		expect([200, 206, 416]).toContain(
			(await get('/data/x.parquet', ['Range: bytes=0-1,5-6,100-200'])).status
		);
		expect([200, 416]).toContain((await get('/data/x.parquet', [`Range: bytes=${'9'.repeat(400)}-`])).status);
		expect([200, 416]).toContain((await get('/data/x.parquet', ['Range: lines=1-2'])).status);
		expect((await get('/')).status).toBe(200);
	});

	test('HEAD and conditional requests', async () => {
		const head = await raw('HEAD /data/x.parquet HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
		expect(head.status).toBe(200);
		expect(head.head).toMatch(/content-length: 1000/i);
		expect(head.body).toBe('');
		const etag = /etag: (.+)/i.exec((await get('/data/x.parquet')).head)![1]!.trim();
		expect((await get('/data/x.parquet', [`If-None-Match: ${etag}`])).status).toBe(304);
		const modified = /last-modified: (.+)/i.exec((await get('/data/x.parquet')).head)![1]!.trim();
		expect((await get('/data/x.parquet', [`If-Modified-Since: ${modified}`])).status).toBe(304);
	});

	test('other methods, a broken request line and an unknown path', async () => {
		expect((await raw('DELETE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')).status).toBe(405);
		expect((await raw('GARBAGE\r\n\r\n')).status).toBe(400);
		const missing = await get('/bestaat-niet');
		expect(missing.status).toBe(404);
		expect(missing.body).toContain('Pagina niet gevonden');
		expect((await get('/')).status).toBe(200);
	});
});
