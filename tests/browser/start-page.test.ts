import { describe, expect, test } from 'vitest';
import { sampleCatalogs } from '../helpers/gemeenten';
import { browserSite, seriousAxeViolations } from '../helpers/browser';

/** Zwolle's programme 12 of begroting 2016: the sample's programme page. */
const PROGRAMME = '/programma/GM0193/2016/12';
const site = browserSite();
const open = site.open;
const measured = sampleCatalogs()[0]!
	.goals.flatMap((g) => g.streefdoelen)
	.filter((s) => s.measure);

describe('start page and programme page', () => {
	test('with two gemeenten it offers the choice; each gemeente page lists its programmes', async () => {
		const { page, problems, external, close } = await open({ javaScriptEnabled: false });
		await page.goto(site.url() + '/');
		expect(await page.textContent('h1')).toBe('Kies een gemeente');
		expect(await page.locator('ul.gemeenten a').allTextContents()).toEqual(['Groningen', 'Zwolle']);
		expect(await page.textContent('ul.gemeenten')).toContain(
			"(GM0014; geen programma's, alleen BBV-beleidsindicatoren"
		);
		await page.locator('ul.gemeenten').getByRole('link', { name: 'Zwolle' }).click();
		await page.waitForURL(/\/gemeente\/GM0193$/);
		expect(await page.textContent('h1')).toBe('Zwolle');
		expect(await page.textContent('main')).not.toContain('Groningen');
		await page.click('text=Programma 12 Inwonersondersteuning');
		await page.waitForURL((url) => url.pathname === PROGRAMME);
		expect(await page.locator('article.indicator').count()).toBe(measured.length);
		// The begroting gave the streefdoelen; the sample's realisaties are not the gemeente's.
		expect(await page.textContent('.lede')).toMatch(/Bron: streefdoelen: .*; realisaties: Voorbeelddata/);
		expect(await page.textContent('.page-footer')).toMatch(/; versie [0-9a-f]{12}\./);
		const groningen = await page.goto(site.url() + '/gemeente/GM0014');
		expect(groningen?.status()).toBe(200);
		expect(await page.textContent('main')).toContain('nog geen catalogus van streefdoelen');
		expect(await page.textContent('main')).not.toContain('Zwolle');
		expect(problems).toEqual([]);
		expect(external).toEqual([]);
		await close();
	});

	test('shows every measured streefdoel with status and chart, labelled as sample data', async () => {
		const { page, problems, external, close } = await open();
		await page.goto(site.url() + PROGRAMME);
		await expect.poll(() => page.locator('article.indicator').count()).toBe(measured.length);
		for (const s of measured) {
			const card = page.locator(`article#${s.id}`);
			await expect.poll(() => card.locator('h3').textContent()).toBe(s.title);
			expect(await card.locator('.status').count()).toBeGreaterThan(0);
			expect(await card.locator('svg.koers-plot').count()).toBe(1);
		}
		expect(await page.textContent('.sample-banner')).toContain('Voorbeelddata');
		const text = (await page.textContent('main')) ?? '';
		expect(text).toContain('Op 1-1-2015 maken 3.385 inwoners gebruik van huishoudelijke ondersteuning.');
		expect(text).toContain('4,4 (2014)');
		await page.waitForTimeout(300);
		expect(problems).toEqual([]);
		expect(external).toEqual([]);
		await close();
	});

	test('has all numbers and charts without JavaScript', async () => {
		const { page, close } = await open({ javaScriptEnabled: false });
		await page.goto(site.url() + PROGRAMME);
		expect(await page.locator('article.indicator').count()).toBe(measured.length);
		expect(await page.locator('svg.koers-plot').count()).toBe(measured.length);
		// Every streefdoel is counted by status, the ones without a measurement as onbekend.
		const all = sampleCatalogs()[0]!.goals.flatMap((g) => g.streefdoelen).length;
		const counted = (await page.locator('#summary-title + p + .counts li strong').allTextContents()).map(
			Number
		);
		expect(counted.at(-1)).toBe(all);
		expect(counted.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(all);
		// A status judged before the latest realisatie says so, and a rounded nulsituatie says why.
		const hh = (await page.textContent('#mo-huishoudelijke-ondersteuning .facts')) ?? '';
		expect(hh).toMatch(/Status beoordeeld op 1-1-2017 \(normjaar 2017\); sindsdien \S+ van [\d.]+ naar/);
		expect((await page.textContent('#mo-individuele-begeleiding .facts')) ?? '').toContain(
			'afgerond op 5 (onthullingsregel)'
		);
		const participatie = (await page.textContent('#mo-participatie table')) ?? '';
		expect(participatie).toMatch(/2014\s*4,4/);
		expect((await page.textContent('#mo-huishoudelijke-ondersteuning table')) ?? '').toMatch(
			/1-1-2015\s*3.385/
		);
		await close();
	});

	test('axe-core finds no serious or critical violation', async () => {
		const { page, close } = await open();
		await page.goto(site.url() + PROGRAMME);
		expect(await seriousAxeViolations(page)).toEqual([]);
		await close();
	});

	test('comparing with a wijk queries DuckDB-WASM, redraws, and keeps the choice in the URL', async () => {
		const { page, problems, external, close } = await open();
		await page.goto(site.url() + PROGRAMME);
		await expect.poll(() => page.isEnabled('#gebied')).toBe(true);
		await page.focus('#gebied');
		await page.selectOption('#gebied', 'WK019311');
		await expect
			.poll(() => page.textContent('.live'), { timeout: 30_000 })
			.toContain('Vergeleken met Wijk 11 Diezerpoort');
		expect(new URL(page.url()).searchParams.get('gebied')).toBe('WK019311');
		expect(await page.textContent('#mo-participatie thead')).toContain('Wijk 11 Diezerpoort');
		// A suppressed cell reads "onderdrukt", never 0.
		expect(await page.textContent('#mo-kortdurend-verblijf tbody')).toContain('onderdrukt');
		// Opening the shared URL restores the comparison.
		const shared = await open();
		await shared.page.goto(page.url());
		await expect
			.poll(() => shared.page.textContent('.live'), { timeout: 30_000 })
			.toContain('Vergeleken met Wijk 11 Diezerpoort');
		expect(problems).toEqual([]);
		expect(external).toEqual([]);
		await shared.close();
		await close();
	});
});
