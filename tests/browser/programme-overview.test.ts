import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { sampleCatalogs } from '../helpers/gemeenten';
import { browserSite, seriousAxeViolations } from '../helpers/browser';

const site = browserSite();
const catalog = sampleCatalogs().find((c) => c.programme.number === '12')!;
const streefdoelen = catalog.goals.flatMap((g) => g.streefdoelen);
const path = `/programma/${catalog.gemeente.code}/${catalog.budgetYear}/12`;
const TWO_SCREENS = 1800;

/** Presses Tab until the focused element is the link to `href`, as a keyboard user would. */
async function tabTo(page: Page, href: string): Promise<void> {
	for (let i = 0; i < 80; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((h) => document.activeElement?.getAttribute('href') === h, href)) return;
	}
	throw new Error(`no link to ${href} reached with Tab`);
}

/** The overview's visible lines: title and status word. */
async function visibleLines(page: Page): Promise<{ title: string; status: string }[]> {
	return page.locator('table.programme-goals tr.goal-line:visible').evaluateAll((rows) =>
		rows.map((r) => ({
			title: r.querySelector('th')?.textContent?.trim() ?? '',
			status: r.querySelector('.status')?.textContent?.trim() ?? ''
		}))
	);
}

describe('programme overview', () => {
	test('lists every streefdoel with its status and judged year within two screens, without JavaScript', async () => {
		const { page, problems, close } = await site.open({ javaScriptEnabled: false });
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(site.url() + path);
		expect(streefdoelen.length).toBeGreaterThan(20);
		const lines = await page.locator('table.programme-goals tr.goal-line').evaluateAll((rows) =>
			rows.map((r) => {
				const box = r.getBoundingClientRect();
				const href = r.querySelector('th a')?.getAttribute('href') ?? '';
				return {
					href,
					title: r.querySelector('th')?.textContent?.trim() ?? '',
					status: r.querySelector('.status')?.textContent?.trim() ?? '',
					bottom: box.bottom + window.scrollY,
					// each line's link leads to the streefdoel's own section of the page
					section: document.getElementById(href.slice(1)) !== null
				};
			})
		);
		expect(lines.map((l) => l.href)).toEqual(streefdoelen.map((s) => `#${s.id}`));
		expect(lines.map((l) => l.title)).toEqual(streefdoelen.map((s) => s.title));
		for (const l of lines) {
			expect(l.status, l.title).toMatch(
				/^. (behaald|op koers|achter op koers|niet behaald|onbekend|geen norm)$/
			);
			expect(l.bottom, l.title).toBeLessThanOrEqual(TWO_SCREENS);
			expect(l.section, l.href).toBe(true);
		}
		const judged = await page.locator('table.programme-goals .judged').allTextContents();
		expect(judged.length).toBeGreaterThan(0);
		for (const j of judged) expect(j).toMatch(/^\((1-1-)?\d{4}\)$/);
		// The sparklines have a text alternative.
		const labels = await page
			.locator('svg.sparkline')
			.evaluateAll((s) => s.map((x) => x.getAttribute('aria-label')));
		expect(labels.length).toBeGreaterThan(0);
		for (const l of labels) expect(l).toMatch(/^.+\. Verloop \d{4}–\d{4}: van .+ naar .+/);
		expect(problems).toEqual([]);
		await close();
	});

	for (const javaScriptEnabled of [false, true])
		test(`the status counts filter the overview by keyboard (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
			const { page, problems, close } = await site.open({ javaScriptEnabled });
			await page.goto(site.url() + path);
			const all = await visibleLines(page);
			expect(all.length).toBe(streefdoelen.length);
			const failed = all.filter((l) => l.status.includes('niet behaald')).length;
			expect(failed).toBeGreaterThan(0);

			await tabTo(page, '#status-niet-behaald');
			await page.keyboard.press('Enter');
			await expect.poll(() => visibleLines(page).then((l) => l.length)).toBe(failed);
			for (const l of await visibleLines(page)) expect(l.status).toContain('niet behaald');
			expect(new URL(page.url()).hash).toBe('#status-niet-behaald');
			expect(await page.locator('.filter-note:visible').textContent()).toContain('niet behaald');
			if (javaScriptEnabled) {
				await expect
					.poll(() => page.locator('.summary [role=status]').textContent())
					.toBe(`${failed} streefdoelen met status niet behaald getoond.`);
				expect(await page.getAttribute('a[href="#status-niet-behaald"]', 'aria-current')).toBe('true');
				// axe needs JavaScript in the page; the filtered state is the one the start-page test does not see.
				expect(await seriousAxeViolations(page)).toEqual([]);
			}

			await tabTo(page, '#overzicht-streefdoelen');
			await page.keyboard.press('Enter');
			await expect.poll(() => visibleLines(page).then((l) => l.length)).toBe(streefdoelen.length);
			expect(problems).toEqual([]);
			await close();
		});
});
