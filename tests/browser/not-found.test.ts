import { expect, test } from 'vitest';
import { browserSite } from '../helpers/browser';

const site = browserSite();

// The server answers any unknown path with 404.html, at whatever depth: its favicon must not be
// looked up beside the unknown path.
test('a deep 404 asks for the favicon at the site root', async () => {
	const recorded = await site.open();
	try {
		const response = await recorded.page.goto(site.url() + '/programma/GM0193/2024/12');
		expect(response?.status()).toBe(404);
		const icon = await recorded.page.$eval('link[rel="icon"]', (l) => (l as HTMLLinkElement).href);
		expect(icon).toBe(`${site.url()}/favicon.svg`);
		const fetched = await recorded.page.evaluate(async (href) => (await fetch(href)).status, icon);
		expect(fetched).toBe(200);
	} finally {
		await recorded.close();
	}
});
