import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { CSP_MAP, headerPolicy, pagePolicy } from './site-headers';

const gz = promisify(gzip);
const br = promisify(brotliCompress);

/** Files worth sending compressed; Parquet, PNG and PDF are compressed already (and Parquet is read by range). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.wasm', '.txt', '.xml', '.map']);

/**
 * After `vite build`: writes each page's Content-Security-Policy as an nginx map (so the header equals
 * the page's own policy, hashes included, plus frame-ancestors) and a `.gz` and `.br` twin of every
 * compressible file (gzip level 6, brotli quality 5: most of the gain at a fraction of the time of
 * the maximum levels; BENCHMARKS.md has the numbers). Returns what it wrote.
 */
export async function postbuild(options: { buildDir: string }): Promise<{
	pages: number;
	compressed: number;
	bytes: number;
	gzipBytes: number;
	brotliBytes: number;
	ms: number;
}> {
	const t0 = performance.now();
	const files = (readdirSync(options.buildDir, { recursive: true }) as string[])
		.map((p) => p.replaceAll('\\', '/'))
		.filter((p) => statSync(join(options.buildDir, p)).isFile() && !/\.(gz|br)$/.test(p));
	const lines: string[] = [];
	for (const page of files.filter((p) => p.endsWith('.html')).sort()) {
		const policy = pagePolicy(readFileSync(join(options.buildDir, page), 'utf8'));
		if (policy) lines.push(`"/${page}" "${headerPolicy(policy).replaceAll('"', '\\"')}";`);
	}
	await writeFile(join(options.buildDir, CSP_MAP), lines.join('\n') + '\n');
	const queue = files.filter(
		(p) => COMPRESSIBLE.has(extname(p)) && statSync(join(options.buildDir, p)).size > 1024
	);
	let bytes = 0;
	let gzipBytes = 0;
	let brotliBytes = 0;
	const work = async () => {
		for (let p = queue.pop(); p !== undefined; p = queue.pop()) {
			const path = join(options.buildDir, p);
			const raw = readFileSync(path);
			const [g, b] = await Promise.all([
				gz(raw, { level: 6 }),
				br(raw, {
					params: {
						[constants.BROTLI_PARAM_QUALITY]: 5,
						[constants.BROTLI_PARAM_SIZE_HINT]: raw.length
					}
				})
			]);
			await Promise.all([writeFile(`${path}.gz`, g), writeFile(`${path}.br`, b)]);
			bytes += raw.length;
			gzipBytes += g.length;
			brotliBytes += b.length;
		}
	};
	const total = queue.length;
	await Promise.all(Array.from({ length: 4 }, work));
	return {
		pages: lines.length,
		compressed: total,
		bytes,
		gzipBytes,
		brotliBytes,
		ms: performance.now() - t0
	};
}
