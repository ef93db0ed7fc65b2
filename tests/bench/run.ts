/**
 * `npm run bench`: measures, in one run, the things Koers promises to be fast at, and writes
 * BENCHMARKS.md with medians and spread. Not a test: nothing here fails on a timing.
 * Needs a build (`npm run data && npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { defaultPaths } from '../../pipelines/config';
import { writeNational } from '../../pipelines/synth/national';
import { launchChromium, serveBuild } from '../helpers/browser';
import { renderReportPdfs } from '../../pipelines/report-pdf';
import { buildSiteBench, outlineBytes, staticFolderFor, type SiteBuild } from './site-build';
import { intentBench } from './intent';
import { startNginx } from '../helpers/nginx';
import { readersBench, readersSection } from './readers';
import { benchmarkBench, benchmarkSection } from './benchmark';
import { median, mib, nl, p95, RUNS, selectStep, spread, timedSteps, tmp } from './timing';
import { child, pipelineBench, pipelineSection } from './pipeline';

/** The sample's programme page (Zwolle, begroting 2016, programme 12): what the start-page figures time. */
const PROGRAMME = '/programma/GM0193/2016/12';

/** Peak resident memory (VmHWM) of the browser's renderer processes, in KiB: the tab with its workers. */
async function rendererPeakKiB(browser: Browser): Promise<number> {
	const cdp = await browser.newBrowserCDPSession();
	const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as unknown as {
		processInfo: { id: number; type: string }[];
	};
	await cdp.detach();
	let peak = 0;
	for (const p of processInfo.filter((x) => x.type === 'renderer')) {
		const status = `/proc/${p.id}/status`;
		if (!existsSync(status)) continue;
		const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
		peak = Math.max(peak, Number(hwm?.[1] ?? 0));
	}
	return peak;
}

/** Parquet requests a page makes while `during` runs: count, 206 range responses, bytes. */
async function parquetTraffic(page: Page, during: () => Promise<void>) {
	const seen: Promise<{ status: number; bytes: number }>[] = [];
	const onResponse = (r: import('playwright-core').Response) => {
		if (!r.url().includes('.parquet')) return;
		seen.push(
			r
				.request()
				.sizes()
				.then((s) => ({ status: r.status(), bytes: s.responseBodySize }))
		);
	};
	page.on('response', onResponse);
	await during();
	page.off('response', onResponse);
	const all = await Promise.all(seen);
	return {
		requests: all.length,
		ranges: all.filter((x) => x.status === 206).length,
		bytes: all.reduce((s, x) => s + x.bytes, 0)
	};
}

/** First page: the prerendered start page, cold, then the first and second wijk comparison on DuckDB-WASM. */
async function browserBench(options: { dataDir?: string }) {
	const browser = await launchChromium();
	const site = await serveBuild({ dataDir: options.dataDir });
	const r = {
		visible: [] as number[],
		dcl: [] as number[],
		wasmReady: [] as number[],
		comparison: [] as number[],
		second: [] as number[],
		firstTraffic: [] as { requests: number; ranges: number; bytes: number }[],
		secondTraffic: [] as { requests: number; ranges: number; bytes: number }[],
		wasmStart: [] as number[],
		rendererKiB: [] as number[],
		jsCssGzip: 0,
		htmlGzip: 0,
		wasmBytes: 0,
		wasmBeforeInteraction: false
	};
	try {
		for (let i = 0; i < RUNS; i++) {
			const context = await browser.newContext(); // cold: empty cache every run
			const page = await context.newPage();
			const firstPage: Promise<{ type: string; gzip: number }>[] = [];
			const collect = (res: import('playwright-core').Response) => {
				const type = res.request().resourceType();
				if (['script', 'stylesheet', 'document'].includes(type))
					firstPage.push(res.body().then((b) => ({ type, gzip: gzipSync(b).length })));
			};
			if (i === 0) page.on('response', collect);
			await page.goto(site.url + PROGRAMME, { waitUntil: 'load' });
			await page.waitForSelector('article.indicator h3');
			const t = await page.evaluate(() => {
				const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
				const paint = performance.getEntriesByName('first-contentful-paint')[0];
				return { dcl: nav.domContentLoadedEventEnd, fcp: paint?.startTime ?? NaN };
			});
			r.visible.push(t.fcp); // the streefdoelen are in the prerendered HTML: visible at first paint
			r.dcl.push(t.dcl);
			await page.waitForFunction(() => !(document.querySelector('#gebied') as HTMLSelectElement).disabled);
			if (i === 0) {
				page.off('response', collect);
				const sizes = await Promise.all(firstPage);
				r.jsCssGzip = sizes.filter((x) => x.type !== 'document').reduce((s, x) => s + x.gzip, 0);
				r.htmlGzip = sizes.filter((x) => x.type === 'document').reduce((s, x) => s + x.gzip, 0);
				r.wasmBeforeInteraction = await page.evaluate(() =>
					performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm'))
				);
			}
			const start = await page.evaluate(() => performance.now());
			// The WASM is fetched by DuckDB's worker; its requests are the page's too.
			const clicked = Date.now();
			let wasmAt = NaN;
			const onWasm = (req: import('playwright-core').Request) => {
				if (req.url().endsWith('.wasm') && Number.isNaN(wasmAt)) wasmAt = Date.now() - clicked;
			};
			page.on('request', onWasm);
			r.firstTraffic.push(
				await parquetTraffic(page, async () => {
					await page.selectOption('#gebied', 'WK019311');
					await page.waitForFunction(
						() => document.querySelector('.live')?.textContent?.includes('Vergeleken'),
						null,
						{
							timeout: 120_000
						}
					);
				})
			);
			r.comparison.push((await page.evaluate(() => performance.now())) - start);
			const marks = await page.evaluate(() => {
				const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm')) as
					PerformanceResourceTiming | undefined;
				return {
					ready: performance.getEntriesByName('koers:wasm-ready')[0]!.startTime,
					wasmStart: wasm?.startTime ?? NaN,
					wasmBytes: wasm?.encodedBodySize ?? 0
				};
			});
			page.off('request', onWasm);
			r.wasmReady.push(marks.ready - start);
			r.wasmStart.push(wasmAt);
			r.wasmBytes = marks.wasmBytes;
			// A second wijk: the tables are loaded; only the queries run.
			const before = await page.evaluate(() => performance.now());
			r.secondTraffic.push(
				await parquetTraffic(page, async () => {
					await page.selectOption('#gebied', 'WK019312');
					await page.waitForFunction(
						() => performance.getEntriesByName('koers:comparison-updated').length >= 2,
						null,
						{ timeout: 60_000 }
					);
				})
			);
			r.second.push((await page.evaluate(() => performance.now())) - before);
			r.rendererKiB.push(await rendererPeakKiB(browser));
			await context.close();
		}
	} finally {
		await browser.close();
		await site.close();
	}
	return r;
}

/**
 * Filter change → chart updated on an indicator page: the year of the breakdown per wijk changes,
 * DuckDB-WASM runs the query, the map and ranked bars are redrawn; measured until the next frame
 * after the page marks the update (so the new SVG is in the DOM). One change first to load WASM.
 */
async function filterBench(options: { path: string; changes: number; dataDir?: string }) {
	const browser = await launchChromium();
	const site = await serveBuild({ dataDir: options.dataDir });
	try {
		const page = await browser.newPage();
		await page.goto(site.url + options.path);
		await page.waitForFunction(() => !(document.querySelector('#jaar') as HTMLSelectElement).disabled);
		const years = await page.$$eval('#jaar option', (os) => os.map((o) => (o as HTMLOptionElement).value));
		const sequence = Array.from(
			{ length: options.changes + 1 },
			(_, i) => years[(years.length - 2 - i + years.length * 10) % years.length]!
		);
		// Passed as text: the bundler's helpers (tsx adds __name to named functions) do not exist in the page.
		let times: number[] = [];
		const step = selectStep('#jaar');
		const timed = async (values: string[]) =>
			(await page.evaluate(
				`${timedSteps({ mark: 'koers:breakdown-updated', step })}(${JSON.stringify(values)})`
			)) as number[];
		const traffic = await parquetTraffic(page, async () => {
			// The first change loads WASM and the tables; then the page draws the other years in idle time.
			// The timed changes start when that is done, as they would for a reader of the first chart.
			const first = await timed(sequence.slice(0, 1));
			await page.waitForFunction(
				() => performance.getEntriesByName('koers:breakdown-prefetched').length > 0,
				null,
				{ timeout: 60_000 }
			);
			times = [...first, ...(await timed(sequence.slice(1)))];
		});
		return { first: times[0]!, changes: times.slice(1), traffic };
	} finally {
		await browser.close();
		await site.close();
	}
}
/** A programme report: PDF render time, and the page's first contentful paint on a cold load. */
async function reportBench() {
	const pdf: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const outDir = mkdtempSync(join(tmpdir(), 'koers-bench-pdf-'));
		const [done] = await renderReportPdfs({
			buildDir: 'build',
			targets: [{ gemeente: 'GM0193', name: 'programma-12', year: null }],
			outDir,
			copyIntoBuild: false
		});
		rmSync(outDir, { recursive: true, force: true });
		pdf.push(done!.ms);
	}
	const browser = await launchChromium();
	const site = await serveBuild();
	const fcp: number[] = [];
	try {
		for (let i = 0; i < RUNS; i++) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(site.url + '/rapporten/GM0193/programma-12', { waitUntil: 'load' });
			await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
			fcp.push(
				await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]!.startTime)
			);
			await context.close();
		}
	} finally {
		await browser.close();
		await site.close();
	}
	return { pdf, fcp };
}

/**
 * A national question in the Verkenner: BBV 32 (Wmo per 10.000 inwoners) for every gemeente in one
 * year, ranked, with the quick chart; 20 year changes after the first query (which loads the tables
 * of all gemeenten). Measured to the next frame after the result is in the state.
 */
const RANKING_FROM_TABLES = (year: number) =>
	`SELECT w.gemeente, round(10000 * w.aantal / b.inwoners, 1) AS per_10000 FROM wmo_clienten w JOIN bevolking b USING (gemeente, jaar, gebied_niveau, gebied_code) WHERE w.gebied_niveau = 'gemeente' AND w.voorziening = 'TOTAAL' AND w.meting = 'in_gebruik' AND b.leeftijdsklasse = 'totaal' AND w.jaar = ${year} ORDER BY per_10000 DESC`;
const RANKING_FROM_KERNCIJFERS = (year: number) =>
	`SELECT gemeente_naam, waarde AS per_10000 FROM kerncijfers WHERE indicator = 'bbv-32-wmo' AND jaar = ${year} ORDER BY waarde DESC`;

async function explorerBench(options: { dataDir?: string; changes: number; sql: (year: number) => string }) {
	const browser = await launchChromium();
	const site = await serveBuild({ dataDir: options.dataDir });
	try {
		const page = await browser.newPage();
		await page.goto(site.url + '/verkenner');
		await page.waitForFunction(
			() => !(document.querySelector('button[type=submit]') as HTMLButtonElement).disabled
		);
		const sql = options.sql;
		const years = Array.from({ length: options.changes + 1 }, (_, i) => 2024 - (i % 10));
		let times: number[] = [];
		const run = (sequence: string[]) =>
			page.evaluate(
				`${timedSteps({
					mark: 'koers:explorer-updated',
					step: "const area = document.querySelector('#sql'); area.value = value; area.dispatchEvent(new Event('input', { bubbles: true })); document.querySelector('form.explorer').requestSubmit();"
				})}(${JSON.stringify(sequence)})`
			) as Promise<number[]>;
		const first = await parquetTraffic(page, async () => {
			times = await run([sql(years[0]!)]);
		});
		const firstMs = times[0]!;
		const later = await parquetTraffic(page, async () => {
			times = await run(years.slice(1).map(sql));
		});
		const rows = await page.$$eval('table tbody tr', (trs) => trs.length);
		return {
			first: firstMs,
			changes: times,
			firstTraffic: first,
			laterTraffic: later,
			rows,
			rendererKiB: await rendererPeakKiB(browser)
		};
	} finally {
		await browser.close();
		await site.close();
	}
}

const kib = (bytes: number) => `${nl(bytes / 1024)} KiB`;
const traffic = (t: { requests: number; ranges: number; bytes: number }) =>
	`${t.requests} requests, ${t.ranges} of them 206 range responses, ${kib(t.bytes)}`;

// BENCH_ONLY=latency: the Zwolle filter-change latencies only, printed (for working on them); no file written.
if (process.env.BENCH_ONLY === 'latency') {
	for (const path of [
		'/indicator/GM0193/mo-huishoudelijke-ondersteuning',
		'/indicator/GM0193/mo-participatie'
	]) {
		const x = await filterBench({ path, changes: 20 });
		console.log(
			`${path}: median ${nl(median(x.changes), 1)} ms, p95 ${nl(p95(x.changes), 1)} ms, max ${nl(Math.max(...x.changes), 1)} ms, first ${nl(x.first)} ms`
		);
	}
	process.exit(0);
}

/**
 * Sites built from a region (the sample's gemeenten and 10 generated ones) and from the national
 * release: `vite build` wall time, peak memory, pages and bytes; and the outlines' bytes per gemeente.
 */
async function sitesBench(options: { nationalPublished: string }) {
	const regionRaw = tmp('region-raw');
	await writeNational({ paths: { ...defaultPaths(), raw: regionRaw }, gemeenten: 10 });
	const regionSite = tmp('region-site');
	const regionPublished = join(regionSite, 'data');
	const regionWarehouse = tmp('region-warehouse');
	child(['pipeline', regionRaw, regionPublished, regionWarehouse]);
	staticFolderFor(regionPublished);
	staticFolderFor(options.nationalPublished);
	const region: SiteBuild[] = [];
	for (let i = 0; i < Math.min(RUNS, 3); i++) region.push(buildSiteBench({ published: regionPublished }));
	const national = [buildSiteBench({ published: options.nationalPublished })];
	const outlines = [
		await outlineBytes({ gemeentenDir: 'data/gemeenten', code: 'GM0193' }),
		await outlineBytes({ gemeentenDir: 'data/gemeenten', code: 'GM0014' })
	];
	const regionManifest = JSON.parse(readFileSync(join(regionPublished, 'manifest.json'), 'utf8')) as {
		gemeenten: unknown[];
	};
	for (const d of [regionRaw, regionSite, regionWarehouse]) rmSync(d, { recursive: true, force: true });
	return { region, national, outlines, regionGemeenten: regionManifest.gemeenten.length };
}

const siteRow = (label: string, xs: SiteBuild[]) => {
	const ms = xs.map((x) => x.ms / 1000);
	const last = xs.at(-1)!;
	return `| ${label} | ${nl(median(ms), 1)} s${xs.length > 1 ? ` (${nl(Math.min(...ms), 1)}–${nl(Math.max(...ms), 1)}; ${xs.length} runs)` : ' (1 run)'} | ${mib(Math.max(...xs.map((x) => x.maxRssKiB)))} | ${nl(last.pages)} | ${nl(last.files)} | ${mib(last.bytes / 1024)} |`;
};

const sitesSection = (
	s: Awaited<ReturnType<typeof sitesBench>>,
	nationalGemeenten: number
) => `## 5. Sites: \`npm run build\` for a region and for the whole country
\`vite build\` of the whole site (every page prerendered on native DuckDB) from a published release, a fresh
process timed with GNU time (peak memory: its max RSS, prerender workers included; report PDFs not included).
Target: national site ≤ 10 minutes and ≤ 4 GB.
| release | wall time | peak memory | pages | files | bytes of the build |
|---|---|---|---|---|---|
${siteRow(`region: Zwolle, Groningen and 10 generated gemeenten (${s.regionGemeenten})`, s.region)}
${siteRow(`national (${nationalGemeenten} gemeenten)`, s.national)}

Outlines per gemeente, as delivered and as the browser gets them (WGS84, topology kept, simplified, ~1 m precision):
| gemeente | level | file | areas | delivered | published |
|---|---|---|---|---|---|
${s.outlines.flatMap((g) => g.levels.map((l) => `| ${g.name} | ${l.level} | ${l.file} | ${l.areas} | ${kib(l.delivered)} | ${kib(l.published)} |`)).join('\n')}
`;

/** Replaces (or adds, before the report section) one section of BENCHMARKS.md: for BENCH_ONLY runs. */
function writeSection(heading: string, section: string) {
	const current = readFileSync('BENCHMARKS.md', 'utf8');
	const at = current.indexOf(heading);
	const next = at >= 0 ? current.indexOf('\n## ', at + 1) : -1;
	const updated =
		at >= 0
			? current.slice(0, at) + section.trimEnd() + '\n' + (next >= 0 ? current.slice(next) : '')
			: current.replace('\n## Programme report', `\n${section}\n## Programme report`);
	writeFileSync('BENCHMARKS.md', updated);
	console.log(section);
}

/** Click → comparison through nginx (deploy/koers.conf), cold and warm, with and without intent. */
async function nginxBench() {
	const nginx = await startNginx();
	const browser = await launchChromium();
	try {
		return await intentBench({ browser, url: nginx.url, runs: RUNS });
	} finally {
		await browser.close();
		await nginx.stop();
	}
}

const nginxSection = (x: Awaited<ReturnType<typeof nginxBench>>) => {
	const row = (label: string, v: { ms: number; wasmBytes: number; pageBytes: number }[]) =>
		`| ${label} | ${nl(median(v.map((y) => y.ms)))} ms | ${spread(v.map((y) => y.ms))} ms | ${wire(v.map((y) => y.wasmBytes))} | ${wire(v.map((y) => y.pageBytes))} |`;
	// Playwright reports -1 for a body served from the HTTP cache.
	const wire = (bytes: number[]) => (median(bytes) <= 0 ? 'uit de cache' : kib(median(bytes)));
	return `## 6. Through nginx: DuckDB-WASM before it is needed
The build behind Debian's nginx with \`deploy/koers.conf\` (brotli and gzip twins from \`npm run build\`, immutable
cache for hashed files). Programme page of Zwolle; time from choosing a wijk to the comparison shown, the choice
made as soon as the control works. Cold: a fresh browser context (empty cache); warm: the same context again (HTTP
cache kept). Intent: the pointer over the control 300 ms before the choice starts fetching and compiling the
engine and, at the same time, fetching and decoding the gemeente's tables on the page's thread; the tables go in
as soon as the engine is open, so the choice only queries. In idle time after the first paint the engine's code
(not its WASM) is already fetched.
Targets: ≤ 1 s cold with intent, ≤ 500 ms warm: **not met**. Where the time goes, from the pointer (performance
marks in the page and in the worker, one cold visit): DuckDB's worker script runs at ≈ 0,15 s; streaming
compilation of the module ≈ 0,45 s (to ≈ 0,7 s); then DuckDB-WASM's own runtime start ≈ 0,6 s, of which ≈ 0,5 s
is Emscripten's dynamic-linking glue in the worker walking the module's 75.011 exports (updateGOT, relocateExports,
mergeLibSymbols, registerDynCallSymbols, applySignatureConversions, reportUndefinedSymbols; a Chrome trace's CPU
profile; the build is linked as MAIN_MODULE so extensions can load, emscripten-core/emscripten#22739); open and
connect ≈ 0,15 s: the engine is ready
≈ 1,4 s after the pointer, cold or warm. Meanwhile the tables are fetched and decoded (0,2–0,3 s, column-wise,
text kept as UTF-8 bytes); inserting them and the first query take ≈ 0,35 s after open, the choice's queries and
charts ≈ 0,2 s. This Chromium does not reuse compiled WASM between visits: tried with a persistent profile, visits
kept open 6–8 s and V8's caching threshold lowered (\`--js-flags=--wasm-caching-threshold=1000\`); compiling
eagerly (\`--no-wasm-lazy-compilation\`) is slower (1,4 s to instantiate). So with DuckDB-WASM 1.32 the engine's
start alone leaves ≈ 1,1 s after a click that came 300 ms after intent. DuckDB-WASM's own Parquet reader is an
extension it would fetch from its vendor's host, which the CSP (and this machine) forbids, so the tables go in as
Arrow decoded by hyparquet.
| visit | median | spread | WASM on the wire | page (HTML, JS, CSS) on the wire |
|---|---|---|---|---|
${row('cold, with intent', x.coldIntent)}
${row('cold, no intent', x.cold)}
${row('warm, with intent', x.warmIntent)}
${row('warm, no intent', x.warm)}

`;
};

if (process.env.BENCH_ONLY === 'pipeline') {
	// Section 1 only: the sample (BENCH_RUNS) and the national set in BENCH_NATIONAL_RAW (BENCH_NATIONAL_RUNS).
	const raw = process.env.BENCH_NATIONAL_RAW ?? tmp('national-raw');
	if (!process.env.BENCH_NATIONAL_RAW) await writeNational({ paths: { ...defaultPaths(), raw } });
	const published = join(tmp('national-site'), 'data');
	const national = pipelineBench({
		raw,
		keep: published,
		runs: Number(process.env.BENCH_NATIONAL_RUNS ?? RUNS)
	});
	const manifest = JSON.parse(readFileSync(join(published, 'manifest.json'), 'utf8')) as {
		release: string;
		gemeenten: unknown[];
		tables: Record<string, { files: { bytes: number }[] }>;
	};
	writeSection(
		'## 1. Pipeline',
		pipelineSection({
			sample: pipelineBench({ raw: defaultPaths().raw }),
			national,
			gemeenten: manifest.gemeenten.length,
			files: Object.values(manifest.tables).flatMap((t) => t.files),
			release: manifest.release
		})
	);
	for (const d of [join(published, '..'), ...(process.env.BENCH_NATIONAL_RAW ? [] : [raw])])
		rmSync(d, { recursive: true, force: true });
	process.exit(0);
}

if (process.env.BENCH_ONLY === 'benchmark') {
	// Section 8 from the national release in BENCH_NATIONAL_PUBLISHED (or published here from a national set).
	let published = process.env.BENCH_NATIONAL_PUBLISHED;
	const made: string[] = [];
	if (!published) {
		const raw = tmp('national-raw');
		await writeNational({ paths: { ...defaultPaths(), raw } });
		published = join(tmp('national-site'), 'data');
		const warehouse = tmp('national-warehouse');
		child(['pipeline', raw, published, warehouse]);
		made.push(raw, warehouse, join(published, '..'));
	}
	const changes = 20;
	writeSection(
		'## 8. Benchmarks against',
		benchmarkSection({
			sample: await benchmarkBench({ changes }),
			national: await benchmarkBench({ changes, dataDir: published }),
			changes
		})
	);
	for (const d of made) rmSync(d, { recursive: true, force: true });
	process.exit(0);
}

if (process.env.BENCH_ONLY === 'readers') {
	writeSection('## 7. Readers', readersSection(await readersBench(RUNS)));
	process.exit(0);
}

if (process.env.BENCH_ONLY === 'nginx') {
	writeSection('## 6. Through nginx', nginxSection(await nginxBench()));
	process.exit(0);
}

if (process.env.BENCH_ONLY === 'sites') {
	// Only section 5, from the national set in BENCH_NATIONAL_RAW (or generated), into BENCHMARKS.md.
	const raw = process.env.BENCH_NATIONAL_RAW ?? tmp('national-raw');
	if (!process.env.BENCH_NATIONAL_RAW) await writeNational({ paths: { ...defaultPaths(), raw } });
	const site = tmp('national-site');
	const warehouse = tmp('national-warehouse');
	const published = join(site, 'data');
	child(['pipeline', raw, published, warehouse]);
	const manifest = JSON.parse(readFileSync(join(published, 'manifest.json'), 'utf8')) as {
		gemeenten: unknown[];
	};
	const section = sitesSection(await sitesBench({ nationalPublished: published }), manifest.gemeenten.length);
	writeSection('## 5. Sites', section);
	for (const d of [site, warehouse, ...(process.env.BENCH_NATIONAL_RAW ? [] : [raw])])
		rmSync(d, { recursive: true, force: true });
	process.exit(0);
}

// The national set: generated once per bench run (or reused from BENCH_NATIONAL_RAW), published by the
// last pipeline run into a folder the browser measurements serve as the site's data.
const nationalRaw = process.env.BENCH_NATIONAL_RAW ?? tmp('national-raw');
if (!process.env.BENCH_NATIONAL_RAW) await writeNational({ paths: { ...defaultPaths(), raw: nationalRaw } });
const nationalPublished = join(tmp('national-site'), 'data');

const p = pipelineBench({ raw: defaultPaths().raw });
const pn = pipelineBench({ raw: nationalRaw, keep: nationalPublished });
const nationalManifest = JSON.parse(readFileSync(join(nationalPublished, 'manifest.json'), 'utf8')) as {
	release: string;
	gemeenten: unknown[];
	tables: Record<string, { files: { bytes: number }[] }>;
};
const nationalFiles = Object.values(nationalManifest.tables).flatMap((t) => t.files);
const b = await browserBench({});
const bn = await browserBench({ dataDir: nationalPublished });
const f = await filterBench({ path: '/indicator/GM0193/mo-huishoudelijke-ondersteuning', changes: 20 });
const fs = await filterBench({ path: '/indicator/GM0193/mo-participatie', changes: 20 });
const fn = await filterBench({
	path: '/indicator/GM0193/mo-huishoudelijke-ondersteuning',
	changes: 20,
	dataDir: nationalPublished
});
const en = await explorerBench({ dataDir: nationalPublished, changes: 20, sql: RANKING_FROM_KERNCIJFERS });
const enTables = await explorerBench({ dataDir: nationalPublished, changes: 20, sql: RANKING_FROM_TABLES });
const r = await reportBench();
const sites = await sitesBench({ nationalPublished });
const viaNginx = await nginxBench();
const readers = await readersBench(RUNS);
const benchmarks = {
	sample: await benchmarkBench({ changes: 20 }),
	national: await benchmarkBench({ changes: 20, dataDir: nationalPublished }),
	changes: 20
};
const cpu = execFileSync('nproc').toString().trim();
const build = readdirSync('build/_app/immutable', { recursive: true }) as string[];
const wasmOnDisk = build
	.filter((x) => x.endsWith('.wasm'))
	.reduce((sum, x) => sum + statSync(join('build/_app/immutable', x)).size, 0);
const wasmGzip = build
	.filter((x) => x.endsWith('.wasm'))
	.reduce((sum, x) => sum + gzipSync(readFileSync(join('build/_app/immutable', x))).length, 0);
const latencyRow = (label: string, x: { first: number; changes: number[] }) =>
	`| ${label} | ${nl(median(x.changes), 1)} ms | ${nl(p95(x.changes), 1)} ms | ${nl(Math.max(...x.changes), 1)} ms | ${nl(x.first)} ms |`;
const pageRows = (
	x: Awaited<ReturnType<typeof browserBench>>
) => `| streefdoelen visible (first contentful paint; they are in the prerendered HTML) | ${nl(median(x.visible))} ms | ${spread(x.visible)} ms |
| DOMContentLoaded | ${nl(median(x.dcl))} ms | ${spread(x.dcl)} ms |
| DuckDB-WASM ready (instantiated, manifest read), from choosing a wijk | ${nl(median(x.wasmReady))} ms | ${spread(x.wasmReady)} ms |
| first wijk comparison shown (WASM, the gemeente's partitions, every indicator's query, charts) | ${nl(median(x.comparison))} ms | ${spread(x.comparison)} ms |
| second wijk comparison (tables loaded; queries and charts only) | ${nl(median(x.second))} ms | ${spread(x.second)} ms |
| Parquet read by the first comparison | ${traffic(x.firstTraffic[0]!)} | |
| Parquet read by the second comparison | ${traffic(x.secondTraffic[0]!)} | |
| peak memory of the tab (renderer process with its workers, VmHWM) | ${mib(median(x.rendererKiB))} | ${spread(x.rendererKiB.map((k) => k / 1024))} MiB |`;

const md = `# Benchmarks

Measured by \`npm run bench\` on ${cpu} cores, ${RUNS} runs each; median (min–max). Every pipeline and COPY
run is a fresh Node process (peak memory is its max RSS, DuckDB included). Browser: headless Debian Chromium
against the built site on localhost, a fresh browser context (empty cache) per run.

${pipelineSection({ sample: p, national: pn, gemeenten: nationalManifest.gemeenten.length, files: nationalFiles, release: nationalManifest.release })}## 2. Browser
### Start page, cold load (sample release)
| what | median | spread |
|---|---|---|
${pageRows(b)}

### Start page, cold load, national release (the same build serving the national set as its data)
| what | median | spread |
|---|---|---|
${pageRows(bn)}

### Filter change → chart updated (20 changes; median, p95, max; the first change, which loads WASM and tables, apart)
Indicator page: a year change of the breakdown per wijk (map, ranked bars and table replaced, next frame).
After the first change the page draws every other year in idle time (DuckDB-WASM query and Plot); the 20 timed
changes start when that is done, as for a reader who looks at the first chart. Verkenner: a national ranking of all gemeenten for another year (query, table and quick chart).
Targets: p95 ≤ 50 ms for Zwolle, ≤ 150 ms for the national set.
| what | median | p95 | max | first change |
|---|---|---|---|---|
${latencyRow('Zwolle, huishoudelijke ondersteuning (registration), sample release', f)}
${latencyRow('Zwolle, sociale participatie (survey, margins), sample release', fs)}
${latencyRow('Zwolle, huishoudelijke ondersteuning, national release', fn)}
${latencyRow(`national: BBV 32 ranking of all ${nationalManifest.gemeenten.length} gemeenten in the Verkenner, from the pre-aggregated \`kerncijfers\``, en)}
${latencyRow('the same ranking computed from the base tables (wmo_clienten ⋈ bevolking; every partition loaded): the before', enTables)}

## 3. Bytes
| what | size |
|---|---|
| JavaScript and CSS of the start page, gzip | ${kib(b.jsCssGzip)} |
| HTML of the start page, gzip | ${kib(b.htmlGzip)} |
| WASM (DuckDB-WASM eh), on disk / gzip | ${kib(wasmOnDisk)} / ${kib(wasmGzip)} |
| when the WASM loads | ${b.wasmBeforeInteraction ? 'during the page load' : `not with the page: on the first live query, ${nl(median(b.wasmStart))} ms after choosing a wijk`} |
| Parquet, indicator page, 21 year changes, the first loading the tables (sample / national) | ${traffic(f.traffic)} / ${traffic(fn.traffic)} |
| Parquet, Verkenner national ranking from \`kerncijfers\`: first query / 20 later queries | ${traffic(en.firstTraffic)} / ${traffic(en.laterTraffic)} |
| Parquet, the same ranking from the base tables: first query / 20 later queries | ${traffic(enTables.firstTraffic)} / ${traffic(enTables.laterTraffic)} |

## 4. Peak memory on the national set
| what | peak |
|---|---|
| pipeline (max RSS of the process, DuckDB included) | ${mib(Math.max(...pn.pipelineRss))} |
| browser tab, start page with a wijk comparison | ${mib(Math.max(...bn.rendererKiB))} |
| browser tab, Verkenner national ranking from \`kerncijfers\` | ${mib(en.rendererKiB)} |
| browser tab, the same ranking from the base tables (all gemeenten's partitions loaded) | ${mib(enTables.rendererKiB)} |

${sitesSection(sites, nationalManifest.gemeenten.length)}
${nginxSection(viaNginx)}${readersSection(readers)}
${benchmarkSection(benchmarks)}
## Programme report (programma 12)
| what | median | spread |
|---|---|---|
| render one programme PDF with headless Chromium (page load + print to A4; browser already running) | ${nl(median(r.pdf))} ms | ${spread(r.pdf)} ms |
| report page first contentful paint, cold load | ${nl(median(r.fcp))} ms | ${spread(r.fcp)} ms |
`;
writeFileSync('BENCHMARKS.md', md);
console.log(md);
// The national set (unless it was given) and the site that served it are temp folders of this run.
for (const d of [join(nationalPublished, '..'), ...(process.env.BENCH_NATIONAL_RAW ? [] : [nationalRaw])])
	rmSync(d, { recursive: true, force: true });
