import type { Browser, BrowserContext } from 'playwright-core';

/** One click → first wijk comparison shown, with the bytes the visit moved. */
interface Visit {
	ms: number;
	wasmBytes: number;
	pageBytes: number;
}

/**
 * Click (a choice of wijk) → comparison shown, on the programme page behind nginx: cold (fresh
 * browser context, empty cache) and warm (the same context again, HTTP cache kept), each with and
 * without intent (the pointer over the control 300 ms before the choice).
 */
export async function intentBench(options: { browser: Browser; url: string; runs: number }) {
	const path = '/programma/GM0193/2016/12';
	const visit = async (context: BrowserContext, intent: boolean): Promise<Visit> => {
		const page = await context.newPage();
		let wasmBytes = 0;
		let pageBytes = 0;
		page.on('requestfinished', async (r) => {
			const sizes = await r.sizes().catch(() => null);
			if (!sizes) return;
			if (r.url().endsWith('.wasm')) wasmBytes += sizes.responseBodySize;
			else if (['document', 'script', 'stylesheet'].includes(r.resourceType()))
				pageBytes += sizes.responseBodySize;
		});
		await page.goto(options.url + path, { waitUntil: 'load' });
		await page.waitForFunction(
			() => !(document.querySelector('#gebied') as HTMLSelectElement | null)?.disabled
		);
		if (intent) {
			await page.hover('#gebied');
			await page.waitForTimeout(300);
		}
		const t0 = Date.now();
		await page.selectOption('#gebied', 'WK019311');
		await page.waitForFunction(
			() => document.querySelector('.live')?.textContent?.includes('Vergeleken met'),
			null,
			{
				timeout: 60_000
			}
		);
		const ms = Date.now() - t0;
		await page.close();
		return { ms, wasmBytes, pageBytes };
	};
	const out = {
		coldIntent: [] as Visit[],
		cold: [] as Visit[],
		warmIntent: [] as Visit[],
		warm: [] as Visit[]
	};
	for (let i = 0; i < options.runs; i++) {
		for (const intent of [true, false]) {
			const context = await options.browser.newContext();
			(intent ? out.coldIntent : out.cold).push(await visit(context, intent));
			(intent ? out.warmIntent : out.warm).push(await visit(context, intent));
			await context.close();
		}
	}
	return out;
}
