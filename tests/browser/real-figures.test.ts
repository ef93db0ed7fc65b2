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
		const banner = (await page.locator('.real-banner').textContent())!;
		expect(banner).toContain('Echte cijfers, geen voorbeelddata.');
		expect(banner).toContain('Bron: Buurt-voor-Buurt onderzoek 2014, statistiekcatalogus van de gemeente');
		expect(await page.locator('.sample-banner').count()).toBe(0);
		// Binnenstad-Zuid, sociale participatie 5.2039 in the file.
		const row = page.locator('tr', { has: page.locator('th', { hasText: 'BU01931000' }) });
		expect(await row.locator('td').nth(1).textContent()).toBe('5,20');
		expect(await page.locator('tbody tr').count()).toBe(1 + 16 + 78);
		expect(await page.textContent('main')).toContain('niet op significantie getoetst');
		expect(await seriousAxeViolations(page)).toEqual([]);
		expect(external).toEqual([]);
		await close();
	});
});
