import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSite, downloadFile, holdParquet, seriousAxeViolations } from '../helpers/browser';
import { independentBenchmark, secretPeer } from '../helpers/benchmark';

const site = browserSite();
const open = site.open;
const PAGE = '/indicator/GM0193/bbv-32-wmo';

const hydrated = (page: Page, selector: string) => expect.poll(() => page.isEnabled(selector)).toBe(true);
/** The first live change starts DuckDB-WASM and loads the benchmark file: seconds, not a frame. */
const LIVE = { timeout: 30_000 };
const nl = (x: number | null) =>
	x === null
		? 'geen cijfer'
		: x.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * CBS publishes BBV 32 per 1 000 inwoners; the page shows it in BBV's own unit, per 10.000 inwoners
 * (× 10, one decimal), so the benchmark and the trend beside it have one unit.
 */
const per10000 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 10);

/** The table's cells per year: [year, own, Nederland, peers]. */
async function tableRows(page: Page): Promise<string[][]> {
	return page
		.locator('#benchmark-tabel tbody tr')
		.evaluateAll((rows) =>
			rows.map((r) =>
				[...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())
			)
		);
}

describe('benchmark on an indicator page', () => {
	test('without JavaScript: Zwolle against Nederland and its size class, as an independent SQL over the release computes them', async () => {
		const { page, close } = await open({ javaScriptEnabled: false });
		await page.goto(site.url() + PAGE);
		const expected = await independentBenchmark({ gemeente: 'GM0193', peers: 'klasse' });
		// The sample's CBS-shaped series is synthetic: labelled Voorbeelddata, never "Bron: CBS".
		const section = (await page.textContent('#benchmark')) ?? '';
		expect(section).toContain('Voorbeelddata in de vorm van CBS-tabel 86050NED, geen echte CBS-cijfers');
		expect(section).not.toContain('Bron: CBS');
		expect(await page.textContent('#benchmark-title')).toContain('voorbeelddata, geen echte CBS-cijfers');
		expect(await page.textContent('#benchmark-tabel caption')).toMatch(/^\s*Voorbeelddata: /);
		expect(await page.textContent('#benchmark-tabel caption')).toMatch(
			/per 10\.000 inwoners \(CBS publiceert per 1 000 inwoners; hier omgerekend, × 10\)/
		);
		expect(await page.textContent('#benchmark-tabel thead')).toContain(
			'Gemeenten met 100.000 tot 150.000 inwoners'
		);
		const rows = await tableRows(page);
		expect(rows.map((r) => r[0])).toEqual(
			expected.map((e) => (e.jaar === 2024 ? '2024 (voorlopig)' : String(e.jaar)))
		);
		for (const [i, e] of expected.entries()) {
			expect(rows[i]![1]).toBe(nl(per10000(e.own)));
			expect(rows[i]![2]).toBe(nl(per10000(e.nederland)));
			expect(rows[i]![3]).toContain(`${nl(per10000(e.peers))} (${e.peersWith} gem.`);
		}
		expect(await page.locator('#benchmark-grafiek svg.koers-plot').count()).toBe(1);
		expect(await page.textContent('.sample-banner')).toContain('Voorbeelddata');
		await close();
	});

	test('a live peer change on DuckDB-WASM: province, then gemeenten by name with a secret cell said and not averaged in; the link restores it; axe; no CSP violation', async () => {
		const { page, problems, requests, close } = await open({ path: PAGE });
		await hydrated(page, '#benchmark-groep');
		await page.selectOption('#benchmark-groep', 'provincie');
		await expect
			.poll(() => page.textContent('#benchmark-tabel thead'), LIVE)
			.toContain('Gemeenten in Overijssel');
		expect(new URL(page.url()).searchParams.get('peers')).toBe('provincie');
		const province = await independentBenchmark({ gemeente: 'GM0193', peers: 'provincie' });
		const rows = await tableRows(page);
		for (const [i, e] of province.entries())
			expect(rows[i]![3]).toContain(`${nl(per10000(e.peers))} (${e.peersWith} gem.`);
		expect(requests.some((r) => r.endsWith('.wasm'))).toBe(true);

		// By name: one peer with a value, one whose CBS cell is secret in some year.
		const secret = await secretPeer();
		const other = (await independentBenchmark({ gemeente: 'GM0193', peers: 'provincie' }))[0]!.members[0]!;
		await page.selectOption('#benchmark-groep', 'namen');
		for (const name of [other.name, secret.name]) {
			await page.fill('#benchmark-naam', name);
			await page.getByRole('button', { name: 'Toevoegen' }).click();
		}
		const picked = await independentBenchmark({ gemeente: 'GM0193', peers: [other.code, secret.code] });
		const year = picked.findIndex((e) => e.jaar === secret.jaar);
		expect(picked[year]!.peersWith).toBe(1);
		await expect
			.poll(async () => (await tableRows(page))[year]![3], LIVE)
			.toBe(`${nl(per10000(picked[year]!.peers))} (1 gem. met cijfer; zonder cijfer: ${secret.name})`);
		expect(new URL(page.url()).searchParams.get('peers')).toBe([other.code, secret.code].join(','));

		// The secret cell is never 0 in the downloads either.
		const csv = await downloadFile(page, 'tabel vergelijking', 'CSV');
		const line = csv.text.split('\r\n').find((l) => l.startsWith(`${secret.jaar};`))!;
		expect(line).toContain(secret.name);
		expect(line.split(';')[4]).toBe(nl(per10000(picked[year]!.peers)).replace('.', ''));
		const xlsx = await downloadFile(page, 'tabel vergelijking', 'Excel (XLSX)');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
		const sheet = book.worksheets[0]!;
		const cells: unknown[][] = [];
		sheet.eachRow((r) => cells.push((r.values as unknown[]).slice(1)));
		const xrow = cells.find((r) => r[0] === String(secret.jaar))!;
		expect(xrow[4]).toBeCloseTo(per10000(picked[year]!.peers)!, 6);
		expect(xrow[6]).toBe(secret.name);

		// A shared link restores the choice.
		const shared = await open({ path: new URL(page.url()).pathname + new URL(page.url()).search });
		await expect
			.poll(() => shared.page.textContent('#benchmark-tabel thead'), LIVE)
			.toContain('Gekozen gemeenten');
		expect(await shared.page.locator('.picked li').count()).toBe(2);
		await shared.close();

		expect(await seriousAxeViolations(page)).toEqual([]);
		expect(problems).toEqual([]);
		await close();
	});
});

describe('benchmark while a peer change loads', () => {
	test('the old comparison stays whole and busy, then thead, rows and summary change together', async () => {
		const { page, problems, close } = await open();
		// Parquet held until released: the view's loading state, as on a slow network.
		const gate = await holdParquet(page.context());
		await page.goto(site.url() + PAGE);
		await hydrated(page, '#benchmark-groep');
		const region = page.locator('#benchmark .benchmark-view');
		const before = await tableRows(page);
		await page.selectOption('#benchmark-groep', 'provincie');
		await expect.poll(() => region.getAttribute('aria-busy')).toBe('true');
		expect(await region.getAttribute('class')).toContain('busy');
		expect(await page.textContent('#benchmark-tabel thead')).toContain('Gemeenten met 100.000 tot 150.000');
		expect(await tableRows(page)).toEqual(before);
		await gate.release();
		await expect.poll(() => region.getAttribute('aria-busy'), LIVE).toBe('false');
		expect(await page.textContent('#benchmark-tabel thead')).toContain('Gemeenten in Overijssel');
		expect(await page.textContent('.benchmark-summary')).toContain('gemeenten in Overijssel');
		expect(problems).toEqual([]);
		await close();
	});
});

describe('benchmark on /vergelijk', () => {
	test('every BBV indicator against Nederland and the size class without JavaScript; gemeente and suggested peers live, kept in the URL', async () => {
		const prerendered = await open({ javaScriptEnabled: false, path: '/vergelijk' });
		const rows = prerendered.page.locator('#benchmark-overzicht tbody tr');
		expect(await rows.count()).toBe(3);
		expect(await prerendered.page.textContent('#benchmark-overzicht')).toContain('BBV 32');
		// "Nederland" only for CBS's own figure; the sum of the release's own registrations says what it is.
		const national = async (bbv: string) =>
			(await rows.filter({ hasText: bbv }).locator('td').nth(3).textContent())!.replace(/\s+/g, ' ');
		expect(await national('BBV 27')).toMatch(/^[\d.,]+ – Alle gemeenten in deze release \(2\)$/);
		expect(await national('BBV 32')).toMatch(/^[\d.,]+ – Nederland$/);
		// Prerendered for the release's first gemeente.
		const wmo = await independentBenchmark({ gemeente: 'GM0014', peers: 'klasse' });
		const last = wmo.at(-1)!;
		expect((await rows.filter({ hasText: 'BBV 32' }).textContent())!.replace(/\s+/g, ' ')).toContain(
			`${nl(per10000(last.peers))} (gemeenten met 150.000 tot 250.000 inwoners, ${last.peersWith} gem.`
		);
		await prerendered.close();

		const { page, problems, close } = await open({ path: '/vergelijk' });
		await hydrated(page, '#benchmark-gemeente');
		await page.selectOption('#benchmark-gemeente', 'GM0193');
		await page.selectOption('#benchmark-groep', 'voorstel');
		const suggested = await independentBenchmark({ gemeente: 'GM0193', peers: 'voorstel' });
		await expect
			.poll(
				async () =>
					(await page.locator('#benchmark-overzicht tbody tr', { hasText: 'BBV 32' }).textContent())!.replace(
						/\s+/g,
						' '
					),
				LIVE
			)
			.toContain(
				`${nl(per10000(suggested.at(-1)!.peers))} (vergelijkbare gemeenten, ${suggested.at(-1)!.peersWith} gem.`
			);
		const url = new URL(page.url());
		expect([url.searchParams.get('gemeente'), url.searchParams.get('peers')]).toEqual(['GM0193', 'voorstel']);
		expect(await page.textContent('#benchmark')).toContain('in aantal inwoners');
		expect(await seriousAxeViolations(page)).toEqual([]);
		expect(problems).toEqual([]);
		await close();
	});
});
