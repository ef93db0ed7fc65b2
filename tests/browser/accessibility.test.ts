import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditPage, clippedText, tabTo, watchAnnouncer, withTextSpacing } from '../helpers/accessibility';
import { browserSite, seriousAxeViolations, type RecordedPage } from '../helpers/browser';

const site = browserSite();

/** One page of every kind the site has; a new kind of page is one line here. */
const PAGES: { kind: string; path: string; status?: number }[] = [
	{ kind: 'start', path: '/' },
	{ kind: 'gemeente', path: '/gemeente/GM0193' },
	{ kind: 'programma', path: '/programma/GM0193/2016/12' },
	{ kind: 'indicator', path: '/indicator/GM0193/mo-huishoudelijke-ondersteuning' },
	{ kind: 'indicator (BBV, benchmark)', path: '/indicator/GM0193/bbv-32-wmo' },
	{ kind: 'gebied', path: '/gebied/WK019311' },
	{ kind: 'overzicht', path: '/overzicht' },
	{ kind: 'vergelijk', path: '/vergelijk' },
	{ kind: 'verkenner', path: '/verkenner' },
	{ kind: 'financien', path: '/financien' },
	{ kind: 'financien (jaar)', path: '/financien/GM0193/2024' },
	{ kind: 'rapporten', path: '/rapporten' },
	{ kind: 'rapport', path: '/rapporten/GM0193/programma-12' },
	{ kind: 'rapport (doel)', path: '/rapporten/GM0193/doel-2.1.1' },
	{ kind: 'echte cijfers', path: '/echte-cijfers/GM0193' },
	{ kind: 'toegankelijkheid', path: '/toegankelijkheid' },
	{ kind: '404', path: '/bestaat-niet', status: 404 }
];

const WIDTHS = [320, 768, 1280];

/** Waits until the page's scripts have run (controls enabled), so what is checked is what a reader uses. */
async function settle(page: Page): Promise<void> {
	await page.waitForLoadState('networkidle');
	await page.waitForFunction(
		() => !document.querySelector('select:disabled, .downloads button:disabled'),
		null,
		{
			timeout: 15_000
		}
	);
}

describe.each(WIDTHS)('every page kind at %i px', (width) => {
	let recorded: RecordedPage;
	beforeAll(async () => {
		recorded = await site.open();
		await recorded.page.setViewportSize({ width, height: 900 });
	});
	afterAll(() => recorded.close());

	test.each(PAGES)(
		'$kind ($path): reflow, chart text, focus, contrast, headings, regions, targets',
		async ({ path, status }) => {
			const { page, problems } = recorded;
			problems.length = 0;
			const response = await page.goto(site.url() + path);
			expect(response?.status()).toBe(status ?? 200);
			// The 404 page's own status is the one console error it may have.
			if (status === 404)
				problems.splice(
					problems.findIndex((p) => p.includes('status of 404')),
					1
				);
			await settle(page);
			const audit = await auditPage(page);
			expect(audit).toEqual({
				reflow: [],
				chartText: [],
				focus: [],
				marks: [],
				headings: [],
				scrollRegions: [],
				targets: []
			});
			// axe-core's checks do not depend on the width; the other browser tests run it at 1280 px.
			if (width === WIDTHS[0]) expect(await seriousAxeViolations(page)).toEqual([]);

			// WCAG 1.4.12: with the text spacing a reader may set, nothing is cut off or pushed sideways.
			await withTextSpacing(page);
			expect(await clippedText(page)).toEqual([]);
			expect((await auditPage(page)).reflow).toEqual([]);

			// CSP violations, console errors and requests off the origin.
			expect(problems).toEqual([]);
		}
	);
});

/** Enabled once the page's scripts run. */
const hydrated = (page: Page, selector: string) => expect.poll(() => page.isEnabled(selector)).toBe(true);

describe('keyboard only: the three readers’ tasks', () => {
	test('beleidsadviseur: from the programme to an indicator, level and year by keyboard, the CSV', async () => {
		const { page, problems, close } = await site.open({ path: '/programma/GM0193/2016/12' });
		await settle(page);
		await tabTo(page, {
			selector: 'a',
			text: /Verloop, kaart en wijken van "Gebruik huishoudelijke ondersteuning"/
		});
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/indicator\/GM0193\/mo-huishoudelijke-ondersteuning/);
		await hydrated(page, '#jaar');
		const announced = await watchAnnouncer(page);

		await tabTo(page, { selector: '#niveau' });
		await page.keyboard.press('ArrowDown');
		await expect.poll(() => page.textContent('.live'), { timeout: 30_000 }).toMatch(/Per buurt/);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('jaar');
		await page.keyboard.press('ArrowUp');
		const year = await page.inputValue('#jaar');
		await expect.poll(() => page.textContent('.live'), { timeout: 30_000 }).toContain(`Per buurt, ${year}`);
		expect(new URL(page.url()).searchParams.get('jaar')).toBe(year);
		// WCAG 4.1.3: a change within the page is told by its polite status, not by the page title.
		expect(await announced()).toEqual([]);

		await tabTo(page, { selector: '[aria-label="Download tabel per gebied"] button', text: /CSV/ });
		const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
		const csv = readFileSync((await file.path())!, 'utf8');
		expect(csv.split('\r\n')[0]).toContain('Buurt');
		expect(problems).toEqual([]);
		await close();
	});

	test('raadslid: from the reports to the programme report and its PDF', async () => {
		const { page, problems, close } = await site.open({ path: '/rapporten' });
		await settle(page);
		await tabTo(page, { selector: 'a[href$="/rapporten/GM0193/programma-12"]' });
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/rapporten\/GM0193\/programma-12$/);
		await tabTo(page, { selector: 'a[href$=".pdf"]', text: /Download als PDF/ });
		const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
		const pdf = await page.request.get(href);
		expect(pdf.status(), `${href}: the report PDFs are written by "npm run build"`).toBe(200);
		expect(pdf.headers()['content-type']).toContain('application/pdf');
		expect(problems).toEqual([]);
		await close();
	});

	test('controller: to a year’s finances, the phase switched by keyboard', async () => {
		const { page, problems, close } = await site.open({ path: '/financien' });
		await settle(page);
		await tabTo(page, { selector: 'a[href$="/financien/GM0193/2024"]' });
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/financien\/GM0193\/2024/);
		await hydrated(page, '#fase');
		const announced = await watchAnnouncer(page);
		await tabTo(page, { selector: '#fase' });
		const before = await page.inputValue('#fase');
		await page.keyboard.press('ArrowDown');
		const after = await page.inputValue('#fase');
		expect(after).not.toBe(before);
		await expect.poll(() => page.textContent('#baten-lasten caption')).toContain(after);
		expect(new URL(page.url()).searchParams.get('fase')).toBe(after);
		expect(await announced()).toEqual([]);
		expect(problems).toEqual([]);
		await close();
	});
});
