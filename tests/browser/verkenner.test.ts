import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { READING_STATEMENTS } from '../../src/lib/explorer/guard';
import { browserSite, downloadFile, seriousAxeViolations } from '../helpers/browser';

const site = browserSite();

const hydrated = (page: Page, selector: string) => expect.poll(() => page.isEnabled(selector)).toBe(true);
const cells = (page: Page) =>
	page.$$eval('#resultaat tbody tr', (rows) =>
		rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent?.trim()).join('|'))
	);

describe('Verkenner', () => {
	test('Ctrl+Enter and Cmd+Enter run the query; years print without a thousands separator', async () => {
		const { page, problems, close } = await site.open({ path: '/verkenner' });
		await hydrated(page, 'form.explorer button');
		// The prerendered example: gemeente, jaar, aantal.
		const example = await cells(page);
		expect(example[0]).toMatch(/^GM\d{4}\|20\d\d\|[\d.]+$/);
		await page.fill(
			'#sql',
			'SELECT 2013 AS jaar, 2013 AS aantal UNION ALL SELECT 2024, 12216821 ORDER BY jaar'
		);
		await page.focus('#sql');
		await page.keyboard.press('Control+Enter');
		await expect.poll(() => cells(page), { timeout: 30_000 }).toEqual(['2013|2.013', '2024|12.216.821']);
		// Enter with Ctrl adds no new line to the query.
		expect(await page.inputValue('#sql')).not.toMatch(/\n$/);
		const csv = await downloadFile(page, 'resultaat', 'CSV');
		expect(csv.text.trim().split('\r\n')).toEqual(['jaar;aantal', '2013;2013', '2024;12216821']);
		await page.fill('#sql', 'SELECT 1 AS n');
		await page.keyboard.press('Meta+Enter');
		await expect.poll(() => cells(page), { timeout: 30_000 }).toEqual(['1']);
		expect(problems).toEqual([]);
		await close();
	});

	test('after an error no result stands under it; the next query shows its own', async () => {
		const { page, problems, close } = await site.open({ path: '/verkenner' });
		await hydrated(page, 'form.explorer button');
		expect(await page.locator('#resultaat').count()).toBe(1);
		expect(await page.locator('#snelle-grafiek').count()).toBe(1);
		await page.fill('#sql', 'SELECT * FROM bestaat_niet');
		await page.click('form.explorer button');
		await expect
			.poll(() => page.textContent('.live .error'), { timeout: 30_000 })
			.toContain('De query is mislukt');
		expect(await page.locator('#resultaat').count()).toBe(0);
		expect(await page.locator('#snelle-grafiek').count()).toBe(0);
		expect(await page.getByRole('group', { name: 'Download resultaat' }).count()).toBe(0);
		expect(await page.textContent('div.result')).toContain('Geen resultaat');
		await page.fill('#sql', 'DROP TABLE gebieden');
		await page.click('form.explorer button');
		await expect.poll(() => page.textContent('.live .error')).toContain('De verkenner leest alleen');
		expect(await page.locator('#resultaat').count()).toBe(0);
		await page.fill('#sql', 'SELECT count(*) AS n FROM gebieden');
		await page.click('form.explorer button');
		await expect.poll(() => cells(page), { timeout: 30_000 }).toEqual(['176']);
		expect(await page.locator('.live .error').count()).toBe(0);
		expect(await seriousAxeViolations(page)).toEqual([]);
		expect(problems.filter((p) => !p.includes('bestaat_niet'))).toEqual([]);
		await close();
	});

	test('the help text and the refusal name the same statements', async () => {
		const { page, close } = await site.open({ path: '/verkenner' });
		await hydrated(page, 'form.explorer button');
		const listed = (text: string) => READING_STATEMENTS.filter((s) => new RegExp(`\\b${s}\\b`).test(text));
		const help = (await page.textContent('.lede')) ?? '';
		await page.fill('#sql', 'DELETE FROM gebieden');
		await page.click('form.explorer button');
		await expect.poll(() => page.textContent('.live .error')).toContain('De verkenner leest alleen');
		const refusal = (await page.textContent('.live .error')) ?? '';
		expect(listed(help)).toEqual([...READING_STATEMENTS]);
		expect(listed(refusal)).toEqual([...READING_STATEMENTS]);
		await close();
	});
});
