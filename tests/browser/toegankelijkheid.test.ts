import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { browserSite, seriousAxeViolations } from '../helpers/browser';

const site = browserSite();

/** Every HTML page of the sample build, by path. */
const PAGES = (readdirSync('build', { recursive: true }) as string[])
	.map((p) => p.replaceAll('\\', '/'))
	.filter((p) => p.endsWith('.html'));

/** One page of every kind the site has: the footer must link the verklaring on each. */
const KINDS = [
	'index.html',
	'gemeente/GM0193.html',
	'programma/GM0193/2016/12.html',
	'indicator/GM0193/mo-huishoudelijke-ondersteuning.html',
	'gebied/WK019311.html',
	'overzicht.html',
	'vergelijk.html',
	'verkenner.html',
	'financien.html',
	'financien/GM0193/2024.html',
	'rapporten.html',
	'rapporten/GM0193/programma-12.html',
	'echte-cijfers.html',
	'404.html',
	'toegankelijkheid.html'
];

describe('Toegankelijkheidsverklaring', () => {
	test('every page of every kind links the verklaring in its footer', () => {
		for (const kind of KINDS) expect(PAGES, kind).toContain(kind);
		for (const page of PAGES)
			expect(readFileSync(join('build', page), 'utf8'), page).toMatch(
				/<footer class="site-footer">\s*<a href="[./]*toegankelijkheid">Toegankelijkheid<\/a>/
			);
	});

	test('follows the model: standard, status, tests with the build date, exceptions, each gemeente’s contact', async () => {
		const { page, problems, close } = await site.open({ path: '/' });
		await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheid' }).click();
		await page.waitForURL(/\/toegankelijkheid$/);
		expect(await page.title()).toBe('Toegankelijkheidsverklaring · Koers');
		const text = (await page.textContent('main'))!.replace(/\s+/g, ' ');
		expect(text).toContain('WCAG 2.1 niveau AA, zoals de Europese norm EN 301 549');
		expect(text).toMatch(/Deze site is gebouwd op \d{2}-\d{2}-\d{4}\./);
		// The sample's Zwolle gives website and contact (on .invalid: no real address), Groningen nothing.
		expect(
			await page.getByRole('link', { name: 'toegankelijkheid@voorbeeld.invalid' }).getAttribute('href')
		).toBe('mailto:toegankelijkheid@voorbeeld.invalid');
		expect(text).toContain('Gemeente Groningen: niet opgegeven (toegankelijkheid.contact)');
		// Status and onderzoek are missing for both: said, not invented.
		expect(text).toContain('Deze verklaring is nog niet compleet');
		expect(await page.locator('.statement-missing li', { hasText: 'toegankelijkheid.status' }).count()).toBe(
			2
		);
		expect(text).not.toMatch(/verklaart over deze site/);
		// What Koers tests, each check marked tested only with a test in this version; the link check is one.
		const rows = await page.$$eval('table.statement-checks tbody tr', (trs) =>
			trs.map((tr) => [tr.querySelector('th')?.textContent?.trim(), tr.lastElementChild?.textContent?.trim()])
		);
		expect(rows).toContainEqual(['Linkcontrole', 'getest']);
		expect(rows).toContainEqual(['Automatische toets met axe-core', 'getest']);
		expect(text).toContain('Bekende uitzonderingen');
		expect(await seriousAxeViolations(page)).toEqual([]);
		expect(problems).toEqual([]);
		await close();
	});
});
