import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditPage, clippedText, withTextSpacing } from '../helpers/accessibility';
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
	{ kind: 'echte cijfers', path: '/echte-cijfers/GM0193' },
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
