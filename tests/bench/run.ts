/**
 * `npm run bench`: measures, in one run, the things Koers promises to be fast at, and writes
 * BENCHMARKS.md with medians and spread. Not a test: nothing here fails on a timing.
 * Needs a build (`npm run data && npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPaths } from '../../pipelines/config';
import { runPipeline } from '../../pipelines/run';
import { writeSample } from '../../pipelines/synth/index';
import { openNodeEngine } from '../../src/lib/server/duckdb-node';
import { launchChromium, serveBuild } from '../helpers/browser';
import { renderReportPdfs } from '../../pipelines/report-pdf';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
const nl = (x: number, d = 0) =>
	x.toLocaleString('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d });

async function pipelineBench(options: { scale: number }) {
	const base = defaultPaths();
	// Each scale gets its own raw folder; scale 1 is the calibrated sample itself.
	const raw = options.scale === 1 ? base.raw : mkdtempSync(join(tmpdir(), 'koers-bench-raw-'));
	if (options.scale !== 1) await writeSample({ paths: { ...base, raw }, scale: options.scale });
	const paths = { ...base, raw, warehouse: mkdtempSync(join(tmpdir(), 'koers-bench-wh-')) };
	const pipeline: number[] = [];
	const copy: number[] = [];
	let rows = 0;
	for (let i = 0; i < RUNS; i++) {
		const published = mkdtempSync(join(tmpdir(), 'koers-bench-'));
		const t0 = performance.now();
		const report = await runPipeline({ paths: { ...paths, published } });
		pipeline.push(performance.now() - t0);
		rows = report.sources.reduce((s, r) => s + r.rows, 0);
		// Baseline in the same run: a plain DuckDB COPY of the same CSVs to Parquet.
		const engine = await openNodeEngine();
		const t1 = performance.now();
		// Every CSV the pipeline reads, so both sides handle the same input.
		for (const gemeente of readdirSync(paths.raw).filter((d) => /^GM\d{4}$/.test(d))) {
			for (const f of readdirSync(join(paths.raw, gemeente)).filter((n) => n.endsWith('.csv'))) {
				await engine.run(
					`COPY (SELECT * FROM read_csv('${join(paths.raw, gemeente, f)}', delim = ';', header = true)) TO '${join(published, `${gemeente}-${f}`)}.parquet' (FORMAT parquet)`
				);
			}
		}
		copy.push(performance.now() - t1);
		engine.close();
	}
	return { rows, pipeline, copy };
}

async function browserBench() {
	const browser = await launchChromium();
	const site = await serveBuild();
	const visible: number[] = [];
	const fcp: number[] = [];
	const wasmReady: number[] = [];
	const comparison: number[] = [];
	const firstBytes: number[] = [];
	const allBytes: number[] = [];
	try {
		for (let i = 0; i < RUNS; i++) {
			const context = await browser.newContext(); // cold: empty cache every run
			const page = await context.newPage();
			const sizes: Promise<number>[] = [];
			page.on('requestfinished', (r) =>
				sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize))
			);
			await page.goto(site.url + '/', { waitUntil: 'load' });
			await page.waitForSelector('article.indicator h3');
			const t = await page.evaluate(() => {
				const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
				const paint = performance.getEntriesByName('first-contentful-paint')[0];
				return { dcl: nav.domContentLoadedEventEnd, fcp: paint?.startTime ?? NaN };
			});
			visible.push(t.fcp); // the streefdoelen are in the prerendered HTML: visible at first paint
			fcp.push(t.dcl);
			await page.waitForFunction(() => !(document.querySelector('#gebied') as HTMLSelectElement).disabled);
			firstBytes.push((await Promise.all(sizes)).reduce((a, b) => a + b, 0));
			const start = await page.evaluate(() => performance.now());
			await page.selectOption('#gebied', 'WK019311');
			await page.waitForFunction(() => performance.getEntriesByName('koers:wasm-ready').length > 0, null, {
				timeout: 60_000
			});
			const ready = await page.evaluate(() => performance.getEntriesByName('koers:wasm-ready')[0]!.startTime);
			wasmReady.push(ready - start);
			await page.waitForFunction(() => document.querySelector('.live')?.textContent?.includes('Vergeleken'));
			comparison.push((await page.evaluate(() => performance.now())) - start);
			allBytes.push((await Promise.all(sizes)).reduce((a, b) => a + b, 0));
			await context.close();
		}
	} finally {
		await browser.close();
		await site.close();
	}
	return { visible, fcp, wasmReady, comparison, firstBytes, allBytes };
}

/**
 * Filter change → chart updated on an indicator page: the year of the breakdown per wijk changes,
 * DuckDB-WASM runs the query, the map and ranked bars are redrawn; measured until the next frame
 * after the page marks the update (so the new SVG is in the DOM). One change first to load WASM.
 */
async function filterBench(options: { path: string; changes: number }) {
	const browser = await launchChromium();
	const site = await serveBuild();
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
		const times = (await page.evaluate(`(async (sequence) => {
			const select = document.querySelector('#jaar');
			const out = [];
			for (const year of sequence) {
				const before = performance.getEntriesByName('koers:breakdown-updated').length;
				const t0 = performance.now();
				select.value = year;
				select.dispatchEvent(new Event('change', { bubbles: true }));
				await new Promise((done) => {
					const check = () =>
						performance.getEntriesByName('koers:breakdown-updated').length > before ? done() : requestAnimationFrame(check);
					check();
				});
				await new Promise((done) => requestAnimationFrame(() => done(null)));
				out.push(performance.now() - t0);
			}
			return out;
		})(${JSON.stringify(sequence)})`)) as number[];
		return { first: times[0]!, changes: times.slice(1) };
	} finally {
		await browser.close();
		await site.close();
	}
}
/** A programme report: PDF render time, and the page's first contentful paint on a cold load. */
async function reportBench() {
	const pdf: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const [done] = await renderReportPdfs({
			buildDir: 'build',
			targets: [{ name: 'programma-12', year: null }],
			outDir: mkdtempSync(join(tmpdir(), 'koers-bench-pdf-')),
			copyIntoBuild: false
		});
		pdf.push(done!.ms);
	}
	const browser = await launchChromium();
	const site = await serveBuild();
	const fcp: number[] = [];
	try {
		for (let i = 0; i < RUNS; i++) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(site.url + '/rapporten/programma-12', { waitUntil: 'load' });
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

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(0.95 * xs.length) - 1]!;

const build = readdirSync('build/_app/immutable', { recursive: true }) as string[];
const wasmBytes = build
	.filter((f) => f.endsWith('.wasm'))
	.reduce((s, f) => s + statSync(join('build/_app/immutable', f)).size, 0);
const p = await pipelineBench({ scale: 1 });
const p10 = await pipelineBench({ scale: 10 });
const b = await browserBench();
const f = await filterBench({ path: '/indicator/GM0193/mo-huishoudelijke-ondersteuning', changes: 20 });
const fs = await filterBench({ path: '/indicator/GM0193/mo-participatie', changes: 20 });
const r = await reportBench();
const cpu = execFileSync('nproc').toString().trim();
const md = `# Benchmarks

Measured by \`npm run bench\` on ${cpu} cores, ${RUNS} runs each; median (min–max). Headless Debian Chromium
against the built site on localhost, a fresh browser context (empty cache) per run.

## Pipeline (sample: Zwolle and Groningen, ${nl(p.rows)} input rows)
| what | median ms | spread ms | rows/s |
|---|---|---|---|
| full pipeline (validate, pseudonymise, aggregate with disclosure control, leak scan, publish) | ${nl(median(p.pipeline))} | ${spread(p.pipeline)} | ${nl(p.rows / (median(p.pipeline) / 1000))} |
| baseline: plain DuckDB \`COPY\` of the same CSVs to Parquet | ${nl(median(p.copy))} | ${spread(p.copy)} | ${nl(p.rows / (median(p.copy) / 1000))} |
| ratio pipeline / COPY | ${nl(median(p.pipeline) / median(p.copy), 1)}× | | |

## Pipeline at 10× the sample (\`npm run synth -- --scale 10\`, ${nl(p10.rows)} input rows)
| what | median ms | spread ms | rows/s |
|---|---|---|---|
| full pipeline | ${nl(median(p10.pipeline))} | ${spread(p10.pipeline)} | ${nl(p10.rows / (median(p10.pipeline) / 1000))} |
| baseline: plain DuckDB \`COPY\` | ${nl(median(p10.copy))} | ${spread(p10.copy)} | ${nl(p10.rows / (median(p10.copy) / 1000))} |
| ratio pipeline / COPY | ${nl(median(p10.pipeline) / median(p10.copy), 1)}× | | |

## Start page, cold load
| what | median | spread |
|---|---|---|
| streefdoelen visible (first contentful paint; they are in the prerendered HTML) | ${nl(median(b.visible))} ms | ${spread(b.visible)} ms |
| DOMContentLoaded | ${nl(median(b.fcp))} ms | ${spread(b.fcp)} ms |
| DuckDB-WASM ready (instantiated, manifest read), from choosing a wijk | ${nl(median(b.wasmReady))} ms | ${spread(b.wasmReady)} ms |
| first wijk comparison shown (WASM, the tables it needs, every indicator's query, redrawn charts) | ${nl(median(b.comparison))} ms | ${spread(b.comparison)} ms |
| bytes transferred, first page (no WASM) | ${nl(median(b.firstBytes) / 1024)} KiB | |
| bytes transferred, after the first live query (with WASM) | ${nl(median(b.allBytes) / 1024)} KiB | |
| WASM file on disk (uncompressed; the local server sends it as is) | ${nl(wasmBytes / 1024)} KiB | |

## Filter change → chart updated (indicator page, Zwolle, ${f.changes.length} year changes of the breakdown per wijk)
Each change: DuckDB-WASM query, map and ranked bars redrawn, next frame painted. The first change (which loads
DuckDB-WASM and the tables) is listed apart.
| indicator | median | p95 | max | first change (loads WASM) |
|---|---|---|---|---|
| huishoudelijke ondersteuning (registration) | ${nl(median(f.changes), 1)} ms | ${nl(p95(f.changes), 1)} ms | ${nl(Math.max(...f.changes), 1)} ms | ${nl(f.first)} ms |
| sociale participatie (survey, with margins) | ${nl(median(fs.changes), 1)} ms | ${nl(p95(fs.changes), 1)} ms | ${nl(Math.max(...fs.changes), 1)} ms | ${nl(fs.first)} ms |

## Programme report (programma 12)
| what | median | spread |
|---|---|---|
| render one programme PDF with headless Chromium (page load + print to A4; browser already running) | ${nl(median(r.pdf))} ms | ${spread(r.pdf)} ms |
| report page first contentful paint, cold load | ${nl(median(r.fcp))} ms | ${spread(r.fcp)} ms |
`;
writeFileSync('BENCHMARKS.md', md);
console.log(md);
