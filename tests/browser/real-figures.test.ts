import { describe, expect, test } from 'vitest';
import { browserSite, seriousAxeViolations } from '../helpers/browser';

/**
 * The real 2014 figures (`npm run echt`) on pages of their own: labelled as real, with their source,
 * never with the sample's banner and never mixed into the sample's pages.
 */
const site = browserSite();

describe('real figures', () => {
	test('the start page links them, apart from the sample data', async () => {
		const { page, close } = await site.open({ path: '/' });
		await expect(page.locator('.sample-banner').count()).resolves.toBe(1);
		const link = page.locator('.real-banner a');
		expect(await link.getAttribute('href')).toMatch(/\/echte-cijfers$/);
		await close();
	});

	test('the gemeente page says they are real, names the source, and shows the file’s values in nl-NL', async () => {
		const { page, external, close } = await site.open({ path: '/echte-cijfers/GM0193' });
		const banner = (await page.locator('#bvb .real-banner').textContent())!;
		expect(banner).toContain('Echte cijfers, geen voorbeelddata.');
		expect(banner).toContain('Bron: Buurt-voor-Buurt onderzoek 2014, statistiekcatalogus van de gemeente');
		expect(await page.locator('.sample-banner').count()).toBe(0);
		// Binnenstad-Zuid, sociale participatie 5.2039 in the file.
		const row = page.locator('#bvb tr', { has: page.locator('th', { hasText: 'BU01931000' }) });
		expect(await row.locator('td').nth(1).textContent()).toBe('5,20');
		expect(await page.locator('#bvb tbody tr').count()).toBe(1 + 16 + 78);
		const main = (await page.textContent('main'))!;
		expect(main).toContain('niet op significantie getoetst');
		// Periods and cut-off downloads in words for a reader, not CBS's codes.
		expect(main).not.toMatch(/\d{4}(HJ|JJ|KW|MM)\d{2}|stopt na/);
		// Counts (BBV 27, 28) are not ranked or averaged beside other gemeenten.
		expect(main).toContain('aantal, geen verhouding: niet te rangschikken');
		expect(main).not.toContain('plaats 18 van 355');
		// One statement on units: BBV 32 is converted, so nothing may say it never is.
		expect(main).toContain('hier omgerekend, × 10');
		expect(main).not.toMatch(/nooit omgerekend|rekent dat niet om/);
		expect(main).toContain("CBS' download was afgebroken na 10.000 rijen; deze categorieën zijn onvolledig");
		expect(await seriousAxeViolations(page)).toEqual([]);
		expect(external).toEqual([]);
		await close();
	});

	test('real CBS figures of a gemeente: labelled as real with the table, CBS’s own cells in nl-NL', async () => {
		const { page, external, close } = await site.open({ path: '/echte-cijfers/GM0193' });
		const section = page.locator('#echt-cbs-GM0193');
		const banner = (await section.locator('.real-banner').textContent())!;
		expect(banner).toContain('Echte cijfers, geen voorbeelddata.');
		expect(banner).toContain('tabel 85098NED');
		expect(banner).toContain('Bron: CBS');
		// 85098NED 2023: Zwolle jeugdhulp 12,0%, Nederland 13,9% (the reference README's figures).
		const row = section.locator('#echt-cbs-GM0193-overzicht tr', { hasText: 'BBV 29' });
		const cells = await row.locator('td').allTextContents();
		expect(cells.slice(1, 4).map((c) => c.trim())).toEqual(['2023', '12,0%', '13,9%']);
		expect(await section.textContent()).toContain(
			'gemeentelijke indeling 2025 (CBS Gebieden in Nederland, 86059NED)'
		);
		expect(await section.textContent()).toContain(
			'deze categorieën zijn onvolledig: Totaal exclusief verblijf en opvang'
		);
		// Per wijk on CBS's wijkindeling 2024: no map on the site's outlines of another year, bars and a table.
		const wijken = page.locator('#wijken');
		const said = (await wijken.textContent())!.replace(/\s+/g, ' ');
		expect(said).toContain('Wijkindeling 2024 van CBS');
		expect(said).toContain('wordt nooit op een omtrek van een ander jaar getekend');
		expect(await wijken.locator('svg').count()).toBe(1);
		const gemeente = wijken.locator('#wijken-tabel tbody tr').first();
		expect((await gemeente.locator('td').first().textContent())?.trim()).toBe('17.235');
		expect(await seriousAxeViolations(page)).toEqual([]);
		expect(external).toEqual([]);
		await close();
	});

	test('a sample page that also shows real CBS figures labels each: the sample banner, and the real section as real', async () => {
		for (const path of ['/vergelijk', '/indicator/GM0014/bbv-29-jeugdhulp']) {
			const { page, close } = await site.open({ path });
			expect(await page.locator('.sample-banner').count(), path).toBe(1);
			const real = page.locator('.real-cbs');
			expect(await real.count(), path).toBeGreaterThan(0);
			const banner = (await real.first().locator('.real-banner').textContent())!;
			expect(banner).toContain('Echte cijfers, geen voorbeelddata.');
			expect(banner).toContain('Bron: CBS');
			// every series of the real tables says it is real
			expect(await real.first().locator('thead').first().textContent()).toMatch(
				/\(echt\).*Nederland \(echt\)/s
			);
			// and the sample's own figures stay outside the real sections
			expect(await page.locator('.real-cbs .sample-banner').count()).toBe(0);
			await close();
		}
	});
});
