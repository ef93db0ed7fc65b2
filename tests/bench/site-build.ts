import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { currentDivision, divisionOutlines } from '../../src/lib/gemeente/division';
import { loadGemeente } from '../../src/lib/gemeente/folder';
import { siteBuildEnv } from '../helpers/site';

/** One site build: wall time, peak memory of the build process, pages and bytes. */
export interface SiteBuild {
	ms: number;
	maxRssKiB: number;
	pages: number;
	bytes: number;
	files: number;
}

/** Every file under a folder, with its size. */
function walk(dir: string): { path: string; bytes: number }[] {
	return (readdirSync(dir, { recursive: true }) as string[])
		.map((p) => join(dir, p))
		.filter((p) => statSync(p).isFile())
		.map((path) => ({ path, bytes: statSync(path).size }));
}

/**
 * `npm run build`'s site step (vite build: prerender every page on native DuckDB) for a published
 * release, timed with GNU time in a fresh process (the prerender runs in worker threads of that
 * process, so its max RSS is the build's peak). The release must be in `<static>/data`.
 */
export function buildSiteBench(options: { published: string; gemeenten?: string }): SiteBuild {
	const dir = mkdtempSync(join(tmpdir(), 'koers-bench-site-'));
	const kit = mkdtempSync(resolve('.svelte-kit-test-'));
	try {
		const build = join(dir, 'build');
		const timeLog = join(dir, 'time.txt');
		const t0 = performance.now();
		execFileSync('/usr/bin/time', ['-v', '-o', timeLog, 'npx', 'vite', 'build'], {
			env: siteBuildEnv({
				published: options.published,
				gemeenten: options.gemeenten ?? 'data/gemeenten',
				build,
				kit
			}),
			stdio: ['ignore', 'ignore', 'pipe'],
			maxBuffer: 256 * 1024 * 1024
		});
		const ms = performance.now() - t0;
		const time = execFileSync('cat', [timeLog]).toString();
		const maxRssKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(time)?.[1] ?? 0);
		const files = walk(build);
		return {
			ms,
			maxRssKiB,
			pages: files.filter((f) => f.path.endsWith('.html')).length,
			bytes: files.reduce((s, f) => s + f.bytes, 0),
			files: files.length
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
		rmSync(kit, { recursive: true, force: true });
	}
}

/** A static folder for a release built outside static/: the favicon beside `data/`. */
export function staticFolderFor(published: string): void {
	mkdirSync(published, { recursive: true });
	copyFileSync('static/favicon.svg', join(published, '..', 'favicon.svg'));
}

/** Bytes of a gemeente's outline files as delivered and as the browser gets them, per level. */
export async function outlineBytes(options: { gemeentenDir: string; code: string }) {
	const gemeente = loadGemeente({ gemeentenDir: options.gemeentenDir, code: options.code });
	const division = currentDivision(gemeente)!;
	const out: { level: string; file: string; delivered: number; published: number; areas: number }[] = [];
	for (const level of ['buurt', 'wijk'] as const) {
		const outlines = await divisionOutlines({ gemeente: gemeente.code, division, level });
		if (!outlines) continue;
		const file = division.outlines[level] ?? division.outlines.buurt!;
		// A shapefile is its .shp, .shx and .dbf together.
		const parts =
			file.format === 'shapefile'
				? ['.shp', '.shx', '.dbf'].map((e) => file.path.replace(/\.shp$/, e))
				: [file.path];
		out.push({
			level: division.outlines[level] ? level : `${level} (uit de buurten)`,
			file: parts.map((p) => p.split('/').at(-1)).join(' + '),
			delivered: parts.reduce((s, p) => s + statSync(p).size, 0),
			published: Buffer.byteLength(JSON.stringify(outlines)),
			areas: outlines.features.length
		});
	}
	return { name: gemeente.name, code: gemeente.code, levels: out };
}
