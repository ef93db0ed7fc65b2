import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSite, downloadFile, seriousAxeViolations } from '../helpers/browser';

const site = browserSite();
const open = site.open;

async function download(page: Page, group: string, button: 'CSV' | 'Excel (XLSX)'): Promise<Buffer> {
	const { name, bytes } = await downloadFile(page, group, button);
	expect(name).toMatch(/voorbeelddata\.(csv|xlsx)$/);
	return bytes;
}

describe('financial page', () => {
	test('the seed row of doel 2.1.1 and every check are in the page without JavaScript', async () => {
		const { page, close } = await open({ javaScriptEnabled: false });
		await page.goto(`${site.url()}/financien/GM0193/2023`);
		const row = page.locator('#baten-lasten tbody tr', { hasText: 'Doel 2.1.1 Ondersteuning in de wijk' });
		expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
			'12.216.821',
			'0',
			'12.216.821',
			'265.000',
			'118.000',
			'12.363.821'
		]);
		expect(await page.textContent('.sample-banner')).toContain('Voorbeelddata');
		expect(await page.textContent('.check-summary')).toMatch(/\d+ controles, 0 kloppen niet/);
		expect(await page.locator('details table.checks tbody tr').count()).toBeGreaterThan(100);
		await close();
	});

	test('a deviation is counted and explained once per doel, on the year page and the overview', async () => {
		const { page, close } = await open({ javaScriptEnabled: false });
		await page.goto(`${site.url()}/financien/GM0193/2024`);
		// Doel 2.1.1: lasten 8,1% under budget (explained); its saldo moves only with them.
		expect(await page.textContent('section[aria-labelledby="afwijkingen-title"]')).toContain(
			'1 doel met een afwijking boven de drempel, waarvan 0 zonder toelichting'
		);
		const saldo = page.locator('#afwijkingen tbody tr', { hasText: '2.1.1' }).filter({ hasText: 'saldo' });
		expect(await saldo.textContent()).toContain('zelfde afwijking als de lasten: Vacatures');
		await page.goto(`${site.url()}/financien/GM0193`);
		const year = page.locator('tbody tr', { hasText: '2024' });
		expect((await year.locator('td').allTextContents()).slice(2)).toEqual(['1', '0']);
		await close();
	});

	test('phase and sign convention change the table and live in the URL; a shared URL restores them', async () => {
		const { page, problems, close } = await open();
		await page.goto(`${site.url()}/financien/GM0193/2023`);
		await expect.poll(() => page.isEnabled('#fase')).toBe(true);
		await page.selectOption('#fase', 'realisatie');
		await expect.poll(() => page.textContent('#baten-lasten caption')).toContain('realisatie 2023');
		// A jaarrekening reports what was realised: the heading follows the phase.
		expect(await page.textContent('#baten-lasten thead')).toContain('Gerealiseerd resultaat');
		expect(await page.textContent('#baten-lasten thead')).not.toContain('Geraamd');
		await page.selectOption('#teken', 'baten-min-lasten');
		await expect.poll(() => page.textContent('#baten-lasten tbody')).toMatch(/\d\s[VN]\b/);
		const url = new URL(page.url());
		expect(url.searchParams.get('fase')).toBe('realisatie');
		expect(url.searchParams.get('teken')).toBe('baten-min-lasten');

		const shared = await open();
		await shared.page.goto(page.url());
		await expect.poll(() => shared.page.textContent('#baten-lasten caption')).toContain('realisatie 2023');
		await shared.close();

		// The year is a page of its own; the choices go along.
		await page.selectOption('#jaar', '2022');
		await expect.poll(() => page.url()).toContain('/financien/GM0193/2022?');
		await expect.poll(() => page.textContent('#baten-lasten caption')).toContain('realisatie 2022');
		expect(problems).toEqual([]);
		await close();
	});

	test('the XLSX download holds real numbers in Dutch format; the reconciliation CSV lists every check', async () => {
		const { page, problems, close } = await open();
		await page.goto(`${site.url()}/financien/GM0193/2023`);
		await expect.poll(() => page.isEnabled('#fase')).toBe(true);
		const xlsx = await download(page, 'overzicht baten en lasten', 'Excel (XLSX)');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(
			xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer
		);
		const sheet = workbook.worksheets[0]!;
		const rows = sheet.getSheetValues() as unknown[][];
		const seed = rows.find((r) => r?.[1] === 'Doel 2.1.1 Ondersteuning in de wijk')!;
		expect(seed.slice(2, 8)).toEqual([12216821, 0, 12216821, 265000, 118000, 12363821]);
		expect(sheet.getCell('B2').numFmt).toBe('#,##0');
		expect(workbook.getWorksheet('Bron')!.getColumn(1).values.join(' ')).toContain('VOORBEELDDATA');

		const csv = (await download(page, 'aansluitingsrapport', 'CSV')).toString('utf8');
		const lines = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe('Uitkomst;Controle;Fase;Onderwerp;Regel;Verwacht;Staat er;Verschil');
		const checks = Number((await page.textContent('.check-summary strong'))!.replace(/\./g, ''));
		expect(lines).toHaveLength(checks + 1);
		expect(lines).toContain(
			'klopt;Saldo = lasten − baten;primitieve begroting;Doel 2.1.1 Ondersteuning in de wijk;saldo = lasten − baten;12216821;12216821;0'
		);
		expect(problems).toEqual([]);
		await close();
	});

	test('keyboard reaches the filters and downloads; axe-core finds no serious or critical violation', async () => {
		const { page, close } = await open();
		await page.goto(`${site.url()}/financien/GM0193/2023`);
		await expect.poll(() => page.isEnabled('#fase')).toBe(true);
		const reached = new Set<string>();
		for (let i = 0; i < 12; i++) {
			await page.keyboard.press('Tab');
			reached.add(
				await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || '')
			);
		}
		expect([...reached]).toEqual(expect.arrayContaining(['jaar', 'fase', 'teken', 'CSV']));
		for (const path of ['/financien/GM0193/2023', '/financien/GM0193', '/financien']) {
			await page.goto(site.url() + path);
			expect((await seriousAxeViolations(page)).map((v) => `${path} ${v}`)).toEqual([]);
		}
		await close();
	});
});
