import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { brokenLinksMessage, checkLinks, type BrokenLink } from '../../pipelines/link-check';

const FIXTURES = 'tests/fixtures/link-check';
const cases = readdirSync(FIXTURES);

describe('checkLinks: every same-origin href, src and CSS url() resolves to a file of the build', () => {
	test.each(cases)('%s', (name) => {
		const { broken } = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as {
			broken: BrokenLink[];
		};
		const result = checkLinks({ buildDir: join(FIXTURES, name, 'build') });
		expect(result.broken).toEqual(broken);
		expect(result.links).toBeGreaterThan(broken.length);
	});

	test('the message names each page and link, in Dutch', () => {
		const buildDir = join(FIXTURES, 'missing-pdf', 'build');
		const message = brokenLinksMessage({ buildDir, broken: checkLinks({ buildDir }).broken });
		expect(message).toContain('1 link in');
		expect(message).toContain('rapporten/GM0001/programma-12.html: ../../rapporten/GM0001/programma-12.pdf');
	});
});

describe('the build of npm run build', () => {
	test('has no broken link, and every report page links a PDF it holds or says why there is none', () => {
		if (!existsSync('build/index.html'))
			throw new Error('no build: run "npm run data && npm run build" first (npm test does this)');
		const result = checkLinks({ buildDir: 'build' });
		expect(brokenLinksMessage({ buildDir: 'build', broken: result.broken })).toMatch(/^0 links/);
		const reports = (readdirSync('build/rapporten', { recursive: true }) as string[]).filter((p) =>
			/^GM\d{4}\/[^/]+(\/\d{4})?\.html$/.test(p.replaceAll('\\', '/'))
		);
		expect(reports.length).toBeGreaterThan(0);
		for (const page of reports) {
			const html = readFileSync(join('build/rapporten', page), 'utf8');
			const pdf = /href="([^"]+\.pdf)"[^>]*>Download als PDF/.exec(html)?.[1];
			// The PDF the link names, resolved from the page's own URL as the browser does.
			const file = pdf && new URL(pdf, `http://koers/rapporten/${page.replace(/\.html$/, '')}`).pathname;
			if (file) expect(existsSync(join('build', decodeURIComponent(file))), `${page}: ${pdf}`).toBe(true);
			else expect(html).toContain('Geen PDF-versie:');
		}
	});
});
