import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, recordedPage } from '../helpers/browser';
import { startNginx } from '../helpers/nginx';

/**
 * The site as a gemeente publishes it: the build behind nginx with deploy/koers.conf (CSP as a
 * header, precompressed WASM, cache headers). Start page, a live wijk comparison on DuckDB-WASM and
 * the Verkenner, with no CSP violation, console error or request off the origin.
 */
let browser: Browser;
let nginx: Awaited<ReturnType<typeof startNginx>>;
beforeAll(async () => {
	nginx = await startNginx();
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	await nginx?.stop();
});

async function open() {
	const recorded = await recordedPage({ browser, origin: nginx.url });
	// The WASM fetched so far (GET; a HEAD probe does not download it).
	const wasm = () => recorded.requests.filter((r) => /^GET .*\.wasm$/.test(r));
	return { ...recorded, wasm };
}

const enabled = (page: Page, selector: string) =>
	expect.poll(() => page.isEnabled(selector), { timeout: 15_000 }).toBe(true);

describe('through nginx', () => {
	test('the start page offers the gemeenten; a reader who only reads loads no WASM', async () => {
		const { page, problems, requests, wasm, close } = await open();
		await page.goto(nginx.url + '/');
		expect(await page.textContent('h1')).toBe('Kies een gemeente');
		await page.goto(nginx.url + '/programma/GM0193/2016/12');
		await enabled(page, '#gebied');
		await page.mouse.wheel(0, 2000);
		// In idle time the engine's code comes in (DuckDB-WASM's worker script among it), not its WASM.
		await expect
			.poll(() => requests.filter((r) => /^GET .*duckdb-browser-eh\.worker\.[^/]*\.js$/.test(r)).length, {
				timeout: 15_000
			})
			.toBe(1);
		await page.waitForTimeout(1000);
		expect(wasm()).toEqual([]);
		expect(problems).toEqual([]);
		await close();
	});

	test('on a metered connection (saveData) a reader who only reads fetches none of the engine', async () => {
		const { page, problems, requests, wasm, close } = await open();
		await page.addInitScript(() =>
			Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true })
		);
		await page.goto(nginx.url + '/programma/GM0193/2016/12');
		await enabled(page, '#gebied');
		await page.mouse.wheel(0, 2000);
		await page.waitForTimeout(2000);
		expect(requests.filter((r) => /duckdb/.test(r))).toEqual([]);
		expect(wasm()).toEqual([]);
		expect(problems).toEqual([]);
		await close();
	});

	test("intent starts the engine: pointer over the comparison fetches the WASM and the gemeente's tables before any choice", async () => {
		const { page, problems, requests, wasm, close } = await open();
		const parquet = () => requests.filter((r) => /^GET .*\.parquet$/.test(r));
		await page.goto(nginx.url + '/programma/GM0193/2016/12');
		await enabled(page, '#gebied');
		expect(wasm()).toEqual([]);
		expect(parquet()).toEqual([]);
		await page.hover('#gebied');
		await expect.poll(() => wasm().length, { timeout: 15_000 }).toBe(1);
		// Fetched and decoded while the engine compiles; only this gemeente's partitions.
		await expect.poll(() => parquet().length, { timeout: 15_000 }).toBeGreaterThan(0);
		expect(parquet().filter((r) => !r.includes('gemeente=GM0193'))).toEqual([]);
		expect(new URL(page.url()).searchParams.get('gebied')).toBeNull();
		expect(problems).toEqual([]);
		await close();
	});

	test('a wijk comparison runs on DuckDB-WASM served precompressed by nginx', async () => {
		const { page, problems, wasm, close } = await open();
		const encodings: string[] = [];
		page.on('response', (r) => {
			if (r.url().endsWith('.wasm') && r.request().method() === 'GET')
				encodings.push(r.headers()['content-encoding'] ?? 'none');
		});
		await page.goto(nginx.url + '/programma/GM0193/2016/12');
		await enabled(page, '#gebied');
		await page.selectOption('#gebied', 'WK019311');
		await expect
			.poll(() => page.textContent('.live'), { timeout: 30_000 })
			.toContain('Vergeleken met Wijk 11 Diezerpoort');
		expect(wasm().length).toBe(1);
		expect(encodings).toEqual(['br']);
		expect(problems).toEqual([]);
		await close();
	});

	test.each([
		['the WASM is blocked', '**/*.wasm', 'abort'],
		['a Parquet file is missing', '**/*.parquet', 404],
		['the manifest is missing', '**/data/manifest.json', 404]
	] as const)(
		'when %s, the page keeps its content and says in Dutch what failed',
		async (_what, pattern, how) => {
			const { page, close } = await open();
			await page.route(pattern, (route) =>
				how === 'abort' ? route.abort() : route.fulfill({ status: how })
			);
			await page.goto(nginx.url + '/programma/GM0193/2016/12');
			await enabled(page, '#gebied');
			const cards = await page.locator('article.indicator').count();
			await page.selectOption('#gebied', 'WK019311');
			await expect
				.poll(() => page.textContent('.live .error'), { timeout: 30_000 })
				.toContain('De vergelijking met Wijk 11 Diezerpoort kon niet worden geladen');
			expect(await page.locator('article.indicator').count()).toBe(cards);
			expect(await page.locator('article.indicator svg.koers-plot').count()).toBe(cards);
			// Once the files can be had again, the next choice loads them: a failure is not remembered.
			await page.unroute(pattern);
			await page.selectOption('#gebied', 'WK019312');
			await expect
				.poll(() => page.textContent('.live'), { timeout: 30_000 })
				.toMatch(/Vergeleken met Wijk 12/);
			// One engine: a failed start leaves no worker behind.
			expect(page.workers()).toHaveLength(1);
			await close();
		}
	);

	test('the Verkenner queries the release', async () => {
		const { page, problems, close } = await open();
		await page.goto(nginx.url + '/verkenner');
		await enabled(page, 'form.explorer button');
		await page.fill(
			'#sql',
			'SELECT gemeente, count(*) AS gebieden FROM gebieden GROUP BY gemeente ORDER BY gemeente'
		);
		await page.click('form.explorer button');
		await expect.poll(() => page.textContent('.live'), { timeout: 30_000 }).toContain('2 rijen');
		expect(problems).toEqual([]);
		await close();
	});
});
