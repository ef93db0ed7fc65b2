import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultPaths } from '../../pipelines/config';
import { checkGemeente } from '../../pipelines/gemeente';
import { followTheGuide } from '../helpers/new-gemeente';
import { launchChromium, recordedPage, seriousAxeViolations, serveBuild } from '../helpers/browser';
import { buildSite, type BuiltSite } from '../helpers/site';

/**
 * A gemeente that is not in the seeds (GM9901 "Nieuwdorp") goes through the guide
 * (docs/nieuwe-gemeente.md): scaffold, its own CBS division with RD New shapefile outlines, a
 * catalogue for programme 3 with four kinds of norm, no finance, a report; check; pipeline; build;
 * and the site in a browser. Then a release of three gemeenten, and one of Groningen alone.
 */
const CODE = 'GM9901';
const work = mkdtempSync(join(tmpdir(), 'koers-nieuwe-gemeente-'));
const paths = {
	...defaultPaths(resolve('.'), {}),
	gemeenten: join(work, 'gemeenten'),
	raw: join(work, 'raw')
};
let scaffolded: string[] = [];
let site: BuiltSite;
let browser: Browser;

/** Every HTML page of a build, as text. */
function pages(build: string): { path: string; text: string }[] {
	const out: { path: string; text: string }[] = [];
	const walk = (dir: string) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			const p = join(dir, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.name.endsWith('.html'))
				out.push({ path: p.slice(build.length), text: readFileSync(p, 'utf8') });
		}
	};
	walk(build);
	return out;
}

/** A built page's HTML without Svelte's hydration comments and with whitespace collapsed. */
function pageText(file: string): string {
	return readFileSync(file, 'utf8')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/\s+/g, ' ');
}

beforeAll(async () => {
	scaffolded = await followTheGuide({ paths, code: CODE, adaptReport: true });
	site = await buildSite({ raw: paths.raw, gemeenten: paths.gemeenten });
	browser = await launchChromium();
}, 300_000);

afterAll(async () => {
	await browser?.close();
	site?.remove();
	rmSync(work, { recursive: true, force: true });
});

describe('a new gemeente, from nothing to a published site', () => {
	test('the scaffold makes the folder, lists the missing exports and says what to do next', () => {
		const text = scaffolded.join('\n');
		expect(text).toContain('gemaakt voor Nieuwdorp (GM9901)');
		expect(text).toMatch(/verplicht\s+wmo_voorzieningen\.csv/);
		expect(text).toMatch(/verplicht\s+bvb_respondenten\.csv/);
		expect(text).toMatch(/optioneel\s+fin_baten_lasten\.csv/);
		expect(text).toContain(`npm run gemeente -- controleer ${CODE}`);
		expect(text).toContain('KOERS_PSEUDONYM_KEY');
	});

	test('the check finds nothing wrong, reads the outlines and every export', async () => {
		const findings = await checkGemeente({ paths, code: CODE });
		expect(findings.filter((f) => f.kind === 'fout')).toEqual([]);
		const text = findings.map((f) => f.text).join('\n');
		expect(text).toContain('gebiedsindeling 2024: 3 wijken, 15 buurten');
		expect(text).toMatch(/grenzen per buurt: 15 gebieden/);
		expect(text).toMatch(/grenzen per wijk: 3 gebieden/);
		expect(text).toMatch(/wmo_voorzieningen\.csv: \d+ regels, 0 afgekeurd/);
	});

	test('with one gemeente the site opens on its programmes; the programme page has statuses and charts', async () => {
		const server = await serveBuild({ buildDir: site.build });
		const { page, problems, close } = await recordedPage({ browser, origin: server.url });
		try {
			await page.goto(server.url + '/');
			expect(await page.textContent('h1')).toBe('Nieuwdorp');
			// It delivered no ledger: the menu has no Financiën page saying there is nothing; it has a report.
			const menu = await page.locator('.site-nav a').allTextContents();
			expect(menu).toContain('Overzicht');
			expect(menu).not.toContain('Financiën');
			expect(menu).toContain('Rapporten');
			await page.click('text=Programma 3 Zorg en welzijn');
			await page.waitForURL(/\/programma\/GM9901\/2024\/3$/);
			expect(await page.locator('article.indicator').count()).toBe(3);
			expect(await page.locator('article.indicator svg.koers-plot').count()).toBe(3);
			expect(await page.locator('article.indicator .status').count()).toBeGreaterThanOrEqual(3);
			expect(await page.textContent('main')).toContain('Gebiedsindeling 2024: Bron: CBS');
			expect(await page.textContent('.sample-banner')).toContain('Voorbeelddata');
			expect(await seriousAxeViolations(page)).toEqual([]);
			// An indicator page draws its wijken on the outlines from the shapefile.
			await page.goto(server.url + '/indicator/GM9901/nd-wmo-maatwerk');
			expect(await page.locator('#kaart svg').count()).toBeGreaterThan(0);
			expect(await page.locator('#kaart svg path').count()).toBeGreaterThanOrEqual(3);
			expect(await page.textContent('#kaart')).toContain('Gebiedsindeling 2024');
			const buurt = await page.request.get(server.url + '/geo/GM9901/buurt.json');
			expect(buurt.status()).toBe(200);
			const geo = (await buurt.json()) as { features: { properties: { code: string } }[] };
			expect(geo.features.map((f) => f.properties.code)).toHaveLength(15);
			// The report is the gemeente's own.
			await page.goto(server.url + '/rapporten/GM9901/programma-3');
			expect(await page.textContent('h1')).toBe('Programma 3 Zorg en welzijn');
			expect(problems).toEqual([]);
		} finally {
			await close();
			await server.close();
		}
	});

	test('its toegankelijkheidsverklaring says what the gemeente has not given; every page links it', () => {
		const verklaring = pageText(join(site.build, 'toegankelijkheid.html'));
		expect(verklaring).toContain('<title>Toegankelijkheidsverklaring · Koers</title>');
		expect(verklaring).toContain('WCAG 2.1 niveau AA');
		expect(verklaring).toContain('EN 301 549');
		expect(verklaring).toContain('Deze verklaring is nog niet compleet');
		for (const field of ['website', 'status', 'onderzoek', 'contact'])
			expect(verklaring).toContain(`<code>toegankelijkheid.${field}</code>`);
		expect(verklaring).not.toContain('mailto:');
		expect(verklaring).toMatch(/gebouwd op \d{2}-\d{2}-\d{4}/);
		for (const p of pages(site.build))
			expect(p.text, p.path).toMatch(
				/<footer class="site-footer">\s*<a href="[./]*toegankelijkheid">Toegankelijkheid<\/a>/
			);
	});

	test('no page of its site mentions another gemeente', () => {
		const all = pages(site.build);
		expect(all.length).toBeGreaterThan(10);
		for (const p of all) expect(p.text, p.path).not.toMatch(/Zwolle|Groningen|GM0193|GM0014/);
	});
});

describe('releases of other shapes', () => {
	test('three gemeenten: the start page offers the choice, each gemeente its own pages', async () => {
		const raw = join(work, 'raw-3');
		const gemeenten = join(work, 'gemeenten-3');
		for (const code of ['GM0193', 'GM0014']) {
			if (!existsSync(join('data/raw', code)))
				throw new Error('no sample: run "npm run synth" first (npm test does this)');
			cpSync(join('data/raw', code), join(raw, code), { recursive: true });
			cpSync(join('data/gemeenten', code), join(gemeenten, code), { recursive: true });
		}
		cpSync(join(paths.raw, CODE), join(raw, CODE), { recursive: true });
		cpSync(join(paths.gemeenten, CODE), join(gemeenten, CODE), { recursive: true });
		const three = await buildSite({ raw, gemeenten });
		try {
			const index = readFileSync(join(three.build, 'index.html'), 'utf8');
			expect(index).toContain('Kies een gemeente');
			for (const name of ['Groningen', 'Nieuwdorp', 'Zwolle']) expect(index).toContain(`>${name}</a>`);
			for (const code of ['GM0193', 'GM0014', CODE])
				expect(existsSync(join(three.build, 'gemeente', `${code}.html`))).toBe(true);
			expect(existsSync(join(three.build, 'programma', CODE, '2024', '3.html'))).toBe(true);
			expect(existsSync(join(three.build, 'programma', 'GM0193', '2016', '12.html'))).toBe(true);
			expect(readFileSync(join(three.build, 'gemeente', `${CODE}.html`), 'utf8')).not.toMatch(
				/Zwolle|Groningen/
			);
			// One verklaring for the site, naming each gemeente's contact or that it is missing.
			const verklaring = pageText(join(three.build, 'toegankelijkheid.html'));
			expect(verklaring).toContain('Gemeente Groningen, Gemeente Nieuwdorp en Gemeente Zwolle willen');
			expect(verklaring).toMatch(
				/Gemeente Zwolle:\s*e-mail <a href="mailto:toegankelijkheid@voorbeeld.invalid">/
			);
			for (const name of ['Groningen', 'Nieuwdorp'])
				expect(verklaring).toMatch(
					new RegExp(`Gemeente ${name}:\\s*niet opgegeven \\(<code>toegankelijkheid.contact</code>\\)`)
				);
		} finally {
			three.remove();
		}
	}, 300_000);

	test('Groningen alone builds and serves, opening on Groningen', async () => {
		const raw = join(work, 'raw-gron');
		cpSync(join('data/raw', 'GM0014'), join(raw, 'GM0014'), { recursive: true });
		const groningen = await buildSite({ raw, gemeenten: 'data/gemeenten' });
		const server = await serveBuild({ buildDir: groningen.build });
		try {
			const page = await fetch(server.url + '/');
			expect(page.status).toBe(200);
			const html = await page.text();
			expect(html).toContain('<h1>Groningen</h1>');
			expect(html).toContain('nog geen catalogus van streefdoelen');
			for (const p of pages(groningen.build)) expect(p.text, p.path).not.toMatch(/Zwolle|GM0193/);
			expect((await fetch(server.url + '/indicator/GM0014/bbv-32-wmo')).status).toBe(200);
		} finally {
			await server.close();
			groningen.remove();
		}
	}, 300_000);
});
