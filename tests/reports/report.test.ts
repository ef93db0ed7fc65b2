import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderReportPdfs } from '../../pipelines/report-pdf';
import { formatValue } from '../../src/lib/format';
import { baselineText } from '../../src/lib/indicators/describe-baseline';
import { parseReport, ReportError } from '../../src/lib/reports/parse';
import { sampleCatalogs } from '../helpers/gemeenten';
import { openRelease } from '../../src/lib/db/node.server';
import { resolveReport } from '../../src/lib/server/report';
import { loadGemeente } from '../../src/lib/gemeente/folder';
import { browserSite, seriousAxeViolations } from '../helpers/browser';

const catalog = sampleCatalogs().find((c) => c.gemeente.code === 'GM0193' && c.programme.number === '12')!;
const streefdoelen = catalog.goals.flatMap((g) => g.streefdoelen);
/** The seed's own figures for programme 12 (seed 003), as a raadslid reads them. */
const SEED_FIGURES = [
	'4,4 (2014)',
	'2,2 (2014)',
	'3.385 (2015)',
	'1.299 (2015)',
	'20 (2015)',
	'417 (2014)',
	'497 (2014)',
	'290 (2014)',
	'405 (2013)',
	'416 (2013)'
];
const SEED_NORMS = [
	'Norm voor 2016 is 475 (streefcijfer 2015 is 455).',
	'Norm voor 2016 is 475 (streefcijfer 2015 is 450).',
	'Minimaal 80% weet',
	'minimaal 75%',
	'een 7',
	'In 30% van de meldingen',
	'minimaal 10 arbeidsplaatsen'
];

/** pdftotext / pdfinfo from Debian's poppler-utils; a missing tool fails the test with how to install it. */
function poppler(tool: 'pdftotext' | 'pdfinfo', args: string[]): string {
	if (!existsSync(`/usr/bin/${tool}`))
		throw new Error(
			`${tool} not found: install it with "apt-get update && apt-get install -y poppler-utils"`
		);
	return execFileSync(tool, args).toString();
}

const text = (html: string) =>
	html
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<style[\s\S]*?<\/style>/g, ' ')
		.replace(/<svg[\s\S]*?<\/svg>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');

describe('report references', () => {
	const root = 'tests/fixtures/reports';
	test.each(readdirSync(root).sort())('%s: an error names file, line and the reference', async (name) => {
		const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as {
			messages: string[];
		};
		const file = join(root, name, 'rapport.md');
		const { engine, manifest } = await openRelease({ publishedDir: resolve('static/data') });
		let error: unknown;
		try {
			const source = parseReport({ text: readFileSync(file, 'utf8'), file, name: 'rapport' });
			await resolveReport({
				source,
				engine,
				manifest,
				gemeente: loadGemeente({ gemeentenDir: resolve('data/gemeenten'), code: 'GM0193' }),
				gemeentenDir: resolve('data/gemeenten'),
				referenceDir: resolve('data/reference'),
				year: null,
				today: '2026-01-01'
			});
		} catch (e) {
			error = e;
		} finally {
			engine.close();
		}
		expect(error).toBeInstanceOf(ReportError);
		for (const m of expected.messages) expect((error as Error).message).toContain(m);
	});
});

describe('programme 12 report', () => {
	const site = browserSite();

	test('the built page holds every streefdoel of seed 003 with its nulsituatie and norm, readable without JavaScript', async () => {
		const { page, close } = await site.open({
			path: '/rapporten/GM0193/programma-12',
			javaScriptEnabled: false
		});
		const body = text(await page.content());
		for (const s of streefdoelen) {
			expect(body, s.id).toContain(s.title);
			// A nulsituatie from the data shows the published value of its year, not "realisatie van …".
			if (s.baseline.kind === 'from-data')
				expect(body, `${s.id} nulsituatie`).toMatch(
					new RegExp(`\\d[\\d.]* \\(${s.baseline.year}; [^)]*bron: ${s.source}\\)`)
				);
			else
				expect(body, `${s.id} nulsituatie`).toContain(
					baselineText({ baseline: s.baseline, unit: s.unit, observations: [] })
				);
			if (s.norm.text) expect(body, `${s.id} norm`).toContain(s.norm.text);
		}
		for (const f of [...SEED_FIGURES, ...SEED_NORMS]) expect(body).toContain(f);
		for (const q of [
			'Wat willen we bereiken?',
			'Wat gaan we daarvoor doen?',
			'Wat mag het kosten?',
			'Leeswijzer',
			'Voorbeelddata'
		])
			expect(body).toContain(q);
		// Every streefdoel with a measurement shows a realisatie and a chart.
		const measured = streefdoelen.filter((s) => s.measure);
		expect(await page.locator('.report-indicator svg.koers-plot').count()).toBe(measured.length);
		expect(body).toContain(`${formatValue(3385, 'aantal')} (2015)`);
		// Statuses judged before the latest realisatie say so; a rounded nulsituatie says why; counts add up.
		expect(body).toMatch(
			/Status beoordeeld op 1-1-2017 \(normjaar 2017\); sindsdien gestegen van [\d.]+ naar/
		);
		expect(body).toContain(
			'1.299 (2015) In de gepubliceerde cijfers: 1.300, afgerond op 5 (onthullingsregel).'
		);
		expect(body).toMatch(/Stand van zaken bij Maatschappelijke ondersteuning: \d+ streefdoelen: /);
		await close();
	});

	test('the jaarverslag 2016 judges as the year stood, and the doel 2.1.1 report holds the seed money row', async () => {
		const { page, close } = await site.open({
			path: '/rapporten/GM0193/programma-12/2016',
			javaScriptEnabled: false
		});
		const annual = text(await page.content());
		expect(annual).toContain('jaarverslag 2016');
		expect(annual).not.toMatch(/\((2017|2018|2019|2020|2021|2022|2023|2024)\)/);
		await page.goto(`${site.url()}/rapporten/GM0193/doel-2.1.1`);
		const money = text(await page.content());
		expect(money).toContain(
			'Doel 2.1.1 Ondersteuning in de wijk 12.216.821 0 12.216.821 265.000 118.000 12.363.821'
		);
		expect(money).toContain('Voorbereidingskrediet SWT');
		// The money block's result column is named for its phase: estimated in a begroting, realised in a jaarverslag.
		expect(money).toContain('Geraamd resultaat');
		await page.goto(`${site.url()}/rapporten/GM0193/doel-2.1.1/2022`);
		const realised = text(await page.content());
		expect(realised).toContain('Gerealiseerd resultaat');
		expect(realised).not.toContain('Geraamd resultaat');
		expect(money).toContain('Formatieuitbreiding SWT n.a.v. AEF onderzoek');
		await close();
	});

	test('axe-core finds no serious or critical violation on the report page', async () => {
		const { page, close } = await site.open();
		for (const path of ['/rapporten', '/rapporten/GM0193/programma-12', '/rapporten/GM0193/doel-2.1.1']) {
			await page.goto(site.url() + path);
			expect((await seriousAxeViolations(page)).map((v) => `${path} ${v}`)).toEqual([]);
		}
		await close();
	});

	test('the PDF: A4 pages with page numbers and the sample label, every streefdoel, doelen on pages of their own; the page offers the same file', async () => {
		const outDir = mkdtempSync(join(tmpdir(), 'koers-pdf-'));
		const [done] = await renderReportPdfs({
			buildDir: 'build',
			targets: [{ gemeente: 'GM0193', name: 'programma-12', year: null }],
			outDir,
			copyIntoBuild: false
		});
		const info = poppler('pdfinfo', [done!.file]);
		const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
		expect(pages).toBeGreaterThanOrEqual(12);
		expect(pages).toBeLessThanOrEqual(40);
		expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
		const all = poppler('pdftotext', ['-layout', done!.file, '-']).replace(/\s+/g, ' ');
		for (const s of streefdoelen) expect(all, s.id).toContain(s.title);
		for (const f of SEED_FIGURES) expect(all).toContain(f);
		expect(all).toContain(`Pagina ${pages} van ${pages}`);
		const perPage = Array.from({ length: pages }, (_, i) =>
			poppler('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), done!.file, '-'])
		);
		for (const p of perPage) expect(p).toContain('VOORBEELDDATA');
		for (const goal of catalog.goals) {
			const first = perPage.findIndex((p) => p.includes(goal.name));
			expect(first, goal.name).toBeGreaterThan(0);
			// The doel's heading opens its page: nothing of another doel's streefdoelen above it.
			const before = perPage[first]!.split(goal.name)[0]!;
			for (const other of catalog.goals.filter((g) => g !== goal))
				for (const s of other.streefdoelen) expect(before).not.toContain(s.title);
		}
		// npm run build renders the same report into the build: the page's download link works.
		const pdf = await fetch(`${site.url()}/rapporten/GM0193/programma-12.pdf`);
		expect(pdf.status).toBe(200);
		expect(
			Buffer.from(await pdf.arrayBuffer())
				.subarray(0, 5)
				.toString()
		).toBe('%PDF-');
	});
});
