import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserSite, holdParquet, holdRequests, seriousAxeViolations } from '../helpers/browser';

const site = browserSite();

const hydrated = (page: Page, selector: string) => expect.poll(() => page.isEnabled(selector)).toBe(true);

describe('A view that loads keeps its content, marked busy, and changes whole', () => {
	test('programme page: while a wijk loads, no caption or column names it over the old rows', async () => {
		const { page, problems, close } = await site.open();
		const gate = await holdParquet(page.context());
		await page.goto(`${site.url()}/programma/GM0193/2016/12`);
		await hydrated(page, '#gebied');
		const goals = page.locator('div.goals');
		expect(await goals.getAttribute('aria-busy')).toBe('false');
		const cards = await page.locator('article.indicator').count();
		await page.selectOption('#gebied', 'WK019310');
		await expect.poll(() => goals.getAttribute('aria-busy')).toBe('true');
		await expect.poll(() => gate.held(), { timeout: 30_000 }).toBeGreaterThan(0);
		expect(await goals.getAttribute('class')).toContain('busy');
		expect(await page.textContent('.live')).toContain('Gegevens voor Wijk 10 Binnenstad worden geladen');
		// The old content stands: every card, no caption, legend or column of the wijk yet.
		expect(await page.locator('article.indicator').count()).toBe(cards);
		expect(await goals.locator('figcaption', { hasText: 'Wijk 10 Binnenstad' }).count()).toBe(0);
		expect(await goals.locator('th', { hasText: 'Wijk 10 Binnenstad' }).count()).toBe(0);
		await gate.release();
		await expect.poll(() => goals.getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
		expect(await page.textContent('.live')).toContain('Vergeleken met Wijk 10 Binnenstad');
		expect(await goals.getAttribute('class')).not.toContain('busy');
		// Caption, table column and chart changed together, on every measured card.
		const captions = await goals.locator('figcaption', { hasText: 'Wijk 10 Binnenstad' }).count();
		const columns = await goals.locator('thead th', { hasText: 'Wijk 10 Binnenstad' }).count();
		expect(captions).toBeGreaterThan(0);
		expect(columns).toBe(captions);
		expect(await seriousAxeViolations(page)).toEqual([]);
		expect(problems).toEqual([]);
		await close();
	});

	test('Verkenner: while a query runs the previous result stays with its own caption, busy', async () => {
		const { page, problems, close } = await site.open();
		const gate = await holdParquet(page.context());
		await page.goto(`${site.url()}/verkenner`);
		await hydrated(page, 'form.explorer button');
		const result = page.locator('div.result');
		const before = await page.textContent('#resultaat caption');
		const rows = await page.locator('#resultaat tbody tr').count();
		await page.fill(
			'#sql',
			'SELECT gemeente, count(*) AS gebieden FROM gebieden GROUP BY gemeente ORDER BY gemeente'
		);
		await page.click('form.explorer button');
		await expect.poll(() => result.getAttribute('aria-busy')).toBe('true');
		await expect.poll(() => gate.held(), { timeout: 30_000 }).toBeGreaterThan(0);
		expect(await page.textContent('#resultaat caption')).toBe(before);
		expect(await page.locator('#resultaat tbody tr').count()).toBe(rows);
		await gate.release();
		await expect
			.poll(() => page.textContent('#resultaat caption'), { timeout: 60_000 })
			.toMatch(/\(2\s+rijen\)/);
		expect(await result.getAttribute('aria-busy')).toBe('false');
		expect(await page.locator('#resultaat tbody tr').count()).toBe(2);
		expect(problems).toEqual([]);
		await close();
	});

	test('finance page: while another year loads, the shown year stays whole, marked busy', async () => {
		const { page, problems, close } = await site.open();
		// The next year's page data (SvelteKit's __data.json) is held; nothing else.
		const gate = await holdRequests(page.context(), /__data\.json/);
		await page.goto(`${site.url()}/financien/GM0193/2024`);
		await hydrated(page, '#jaar');
		const main = page.locator('main');
		const caption = '#baten-lasten caption';
		expect(await page.textContent(caption)).toContain('2024');
		await page.selectOption('#jaar', '2023');
		await expect.poll(() => gate.held(), { timeout: 30_000 }).toBeGreaterThan(0);
		expect(await main.getAttribute('aria-busy')).toBe('true');
		expect(await main.getAttribute('class')).toContain('busy');
		expect(await page.textContent(caption)).toContain('2024');
		await gate.release();
		await expect.poll(() => page.textContent(caption), { timeout: 30_000 }).toContain('2023');
		expect(await main.getAttribute('aria-busy')).toBe('false');
		expect(problems).toEqual([]);
		await close();
	});
});
