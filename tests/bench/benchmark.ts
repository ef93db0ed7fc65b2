/**
 * Benchmarks against other gemeenten (BENCHMARKS.md section 8): a peer change on an indicator page
 * (size class → province → suggested → picked names …; the comparison recomputed and its chart
 * redrawn) and a national ranking on /vergelijk (a gemeente change ranks it among every gemeente on
 * every BBV indicator), on the sample and the national release. The first change, which starts
 * DuckDB-WASM and loads the benchmark file, is apart. Timed to the next frame after the page's mark.
 */
import type { Page } from 'playwright-core';
import { launchChromium, serveBuild } from '../helpers/browser';
import { median, nl, p95, selectStep, timedSteps } from './timing';

interface Latency {
	first: number;
	changes: number[];
}

async function timedChanges(page: Page, selector: string, sequence: string[]): Promise<Latency> {
	const run = async (values: string[]) =>
		(await page.evaluate(
			`${timedSteps({ mark: 'koers:benchmark-updated', step: selectStep(selector) })}(${JSON.stringify(values)})`
		)) as number[];
	const [first] = await run(sequence.slice(0, 1));
	return { first: first!, changes: await run(sequence.slice(1)) };
}

export async function benchmarkBench(options: { dataDir?: string; changes: number }) {
	const browser = await launchChromium();
	const site = await serveBuild({ dataDir: options.dataDir });
	try {
		const page = await browser.newPage();
		await page.goto(`${site.url}/indicator/GM0193/bbv-32-wmo`);
		await page.waitForFunction(
			() => !(document.querySelector('#benchmark-groep') as HTMLSelectElement).disabled
		);
		const kinds = ['provincie', 'voorstel', 'klasse'];
		const peers = await timedChanges(
			page,
			'#benchmark-groep',
			Array.from({ length: options.changes + 1 }, (_, i) => kinds[i % kinds.length]!)
		);
		await page.goto(`${site.url}/vergelijk`);
		await page.waitForFunction(
			() => !(document.querySelector('#benchmark-gemeente') as HTMLSelectElement).disabled
		);
		const gemeenten = await page.$$eval('#benchmark-gemeente option', (os) =>
			os.map((o) => (o as HTMLOptionElement).value)
		);
		const ranked = await page.$eval(
			'#benchmark-overzicht tbody tr:last-child',
			(t) => t.textContent?.replace(/\s+/g, ' ') ?? ''
		);
		const ranking = await timedChanges(
			page,
			'#benchmark-gemeente',
			Array.from({ length: options.changes + 1 }, (_, i) => gemeenten[(i + 1) % gemeenten.length]!)
		);
		return { peers, ranking, of: /plaats \d+ van (\d+)/.exec(ranked)?.[1] ?? '?' };
	} finally {
		await browser.close();
		await site.close();
	}
}

const row = (label: string, x: Latency) =>
	`| ${label} | ${nl(median(x.changes), 1)} ms | ${nl(p95(x.changes), 1)} ms | ${nl(Math.max(...x.changes), 1)} ms | ${nl(x.first)} ms |`;

export function benchmarkSection(x: {
	sample: Awaited<ReturnType<typeof benchmarkBench>>;
	national: Awaited<ReturnType<typeof benchmarkBench>>;
	changes: number;
}): string {
	return `## 8. Benchmarks against other gemeenten
From the pre-aggregated \`benchmark\` table (one file per indicator for all gemeenten), queried once on DuckDB-WASM;
${x.changes} changes after the first (which starts DuckDB-WASM and loads the file), each timed to the next frame after
the page marks the update. Peer change: BBV 32 for Zwolle, cycling size class → province → suggested peers, the
comparison recomputed and its chart redrawn. National ranking: /vergelijk, a change of gemeente ranks it among all
gemeenten with a value on every BBV indicator (${x.national.of} on BBV 32 nationally) and compares it with its size
class. Targets: peer change p95 ≤ 50 ms, national ranking ≤ 150 ms.
| what | median | p95 | max | first change |
|---|---|---|---|---|
${row('peer change, indicator page, sample release', x.sample.peers)}
${row('peer change, indicator page, national release', x.national.peers)}
${row('national ranking on /vergelijk, sample release', x.sample.ranking)}
${row('national ranking on /vergelijk, national release', x.national.ranking)}

`;
}
