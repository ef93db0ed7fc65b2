import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse, dsvFormat, type DSVRowString } from 'd3-dsv';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatIssue } from '../../pipelines/errors';
import { runPipeline, type RunReport } from '../../pipelines/run';
import { openNodeEngine } from '../../src/lib/db/node.server';
import { fixturePaths } from '../helpers/paths';
import { tempFolders } from '../helpers/temp';
import { refusedKeepingRelease } from '../helpers/refused';

/**
 * Survey figures per buurt instead of respondents: the real 2014 figures of Zwolle's statistics
 * catalogue (wide layout) as the proof, and the long layout checked against the microdata path.
 */

const { temp } = tempFolders();
const REAL = 'data/echt';
const ZEBRA = 'data/reference/zwolle/zwolle_zebra_buurt_2014.csv';
const SCALES = {
	participatie: 'b_spart',
	isolement: 'b_scisol',
	cohesie: 'b_scoh',
	inzet: 'b_miinz',
	belemmering: 'b_gbep',
	buurtoordeel: 'b_aevalb'
} as const;
const ENV = { KOERS_PSEUDONYM_KEY: 'test-key-not-secret' };

type Score = {
	gebied_niveau: string;
	gebied_code: string;
	schaal: string;
	doelgroep: string;
	gemiddelde: number | null;
	standaardfout: number | null;
	respondenten: number | null;
};

/** The published bvb_schaalscores of a release, read straight from its Parquet files. */
async function scores(published: string): Promise<Score[]> {
	const engine = await openNodeEngine();
	try {
		return await engine.query<Score>(
			`SELECT gebied_niveau, gebied_code, schaal, doelgroep, gemiddelde, standaardfout, respondenten
			FROM read_parquet('${published}/bvb_schaalscores/*/*.parquet', hive_partitioning = true)`
		);
	} finally {
		engine.close();
	}
}

describe('the real 2014 Buurt-voor-Buurt figures of Zwolle, as a statistics catalogue delivers them', () => {
	let run: RunReport;
	let published: Score[];
	// Read independently of Koers' reader: every buurt with its wijk, weight and six scores.
	const file = csvParse(readFileSync(ZEBRA, 'utf8'));
	const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s));

	beforeAll(async () => {
		const paths = fixturePaths({ raw: REAL });
		run = await runPipeline({ paths, env: ENV });
		published = await scores(paths.published);
	}, 60_000);

	test('is a real release: not sample data, with its source and how it was weighted', () => {
		expect(run.manifest.sample).toBe(false);
		const source = run.manifest.sources.find((s) => s.file.endsWith('bvb_buurtcijfers'))!;
		expect(source).toMatchObject({ rows: 79 * 6, published: 79 * 6, quarantined: 0 });
		expect(source.format).toContain('gewogen met b_gwpover voor elk onderwerp');
		expect(source.format).toContain('aantallen respondenten niet aangeleverd');
	});

	test('every published buurt value is the value in the file (78 buurten, six schaalscores)', () => {
		const buurten = file.filter((r) => r['cbs_buurtcode']);
		expect(buurten).toHaveLength(78);
		let checked = 0;
		for (const r of buurten) {
			for (const [schaal, column] of Object.entries(SCALES)) {
				const row = published.find(
					(p) => p.gebied_code === r['cbs_buurtcode'] && p.schaal === schaal && p.doelgroep === '18+'
				);
				expect(row, `${r['cbs_buurtcode']} ${schaal}`).toBeDefined();
				expect(row!.gemiddelde).toBe(num(r[column]));
				expect(row!.standaardfout).toBeNull();
				checked++;
			}
		}
		expect(checked).toBe(78 * 6);
		// Buurten the catalogue left empty (under its threshold) stay empty.
		expect(
			published.filter(
				(p) =>
					p.gebied_niveau === 'buurt' &&
					p.schaal === 'participatie' &&
					p.doelgroep === '18+' &&
					p.gemiddelde === null
			)
		).toHaveLength(4);
	});

	test('wijk and city values are weighted means of the buurt values, computed here from the file', () => {
		const weighted = (rows: DSVRowString[], column: string) => {
			const with_ = rows.filter((r) => num(r[column]) !== null && (num(r['b_gwpover']) ?? 0) > 0);
			const sw = with_.reduce((s, r) => s + num(r['b_gwpover'])!, 0);
			return with_.reduce((s, r) => s + num(r['b_gwpover'])! * num(r[column])!, 0) / sw;
		};
		const wijken = [...new Set(file.map((r) => r['cbs_wijkcode']).filter(Boolean))] as string[];
		expect(wijken).toHaveLength(16);
		for (const [schaal, column] of Object.entries(SCALES)) {
			for (const wijk of wijken) {
				const row = published.find(
					(p) => p.gebied_code === wijk && p.schaal === schaal && p.doelgroep === '18+'
				)!;
				const expected = weighted(
					file.filter((r) => r['cbs_wijkcode'] === wijk),
					column
				);
				if (Number.isNaN(expected)) expect(row.gemiddelde).toBeNull();
				else expect(row.gemiddelde).toBeCloseTo(expected, 4);
			}
			const city = published.find(
				(p) => p.gebied_code === 'GM0193' && p.schaal === schaal && p.doelgroep === '18+'
			)!;
			expect(city.gemiddelde).toBeCloseTo(weighted(file, column), 4);
			// Never the plain mean of the buurt values.
			const values = file.map((r) => num(r[column])).filter((x): x is number => x !== null);
			const plain = values.reduce((s, x) => s + x, 0) / values.length;
			expect(Math.abs(city.gemiddelde! - plain)).toBeGreaterThan(0.0005);
		}
	});
});

/** A real-delivery copy whose levering.yaml (or files) `edit` changes; the data files are copied beside it. */
function wideDelivery(edit: (dir: string) => void): string {
	const raw = temp('koers-figures-');
	cpSync(REAL, raw, { recursive: true });
	const dir = join(raw, 'GM0193', 'bvb_buurtcijfers');
	cpSync(ZEBRA, join(dir, 'buurt.csv'));
	cpSync('data/reference/zwolle/zwolle_zebra_variabelen_2014.csv', join(dir, 'variabelen.csv'));
	const yaml = readFileSync(join(dir, 'levering.yaml'), 'utf8')
		.replace(/^gegevens: .*$/m, 'gegevens: buurt.csv')
		.replace(/^variabelen: .*$/m, 'variabelen: variabelen.csv');
	writeFileSync(join(dir, 'levering.yaml'), yaml);
	edit(dir);
	return raw;
}
const editYaml = (dir: string, f: (yaml: string) => string) =>
	writeFileSync(join(dir, 'levering.yaml'), f(readFileSync(join(dir, 'levering.yaml'), 'utf8')));

const refused = (raw: string) => refusedKeepingRelease(raw, ENV);

describe('bad aggregated deliveries', () => {
	test('the variables file names a weight column that is not in the export', async () => {
		const raw = wideDelivery((dir) =>
			editYaml(dir, (y) => y.replace(/^gewicht: .*$/m, '').replace(/^gewicht_toelichting: .*$/m, ''))
		);
		expect((await refused(raw)).message).toMatch(
			/variabelen\.csv regel \d+: Aggregatie-onderwerp b_gspart van b_spart: de kolom b_gspart staat niet in .*buurt\.csv; lever de gewichtkolom mee/
		);
	});

	test('respondent counts missing without saying so', async () => {
		const raw = wideDelivery((dir) =>
			editYaml(dir, (y) =>
				y.replace(/^respondenten: .*$/m, '').replace(/^respondenten_toelichting: .*$/m, '')
			)
		);
		expect((await refused(raw)).message).toMatch(
			/variabelen\.csv regel \d+: Drempel-onderwerp b_nspart van b_spart: de kolom met het aantal respondenten staat niet in .*buurt\.csv/
		);
	});

	test('an area code that maps to no buurt: quarantined with the export’s line and column', async () => {
		const raw = wideDelivery((dir) => {
			const path = join(dir, 'buurt.csv');
			writeFileSync(
				path,
				readFileSync(path, 'utf8').replace(
					'\nBU01931000,Binnenstad-Zuid,WK019310,100,',
					'\nBU01931000,Binnenstad-Zuid,WK019310,109,'
				)
			);
		});
		const run = await runPipeline({ paths: fixturePaths({ raw }), env: ENV, maxQuarantineRate: 0.5 });
		const source = run.sources.find((s) => s.file.endsWith('bvb_buurtcijfers'))!;
		expect(source.quarantined).toBe(6);
		expect(source.rows).toBe(source.published + source.quarantined);
		expect(formatIssue({ ...source.issues[0]!, file: 'x' })).toBe(
			'x regel 2, kolom 4 (zebra_geoitem): gebiedscode 109 wordt BU01931090, geen buurt van de gebiedsindeling: vul gebied.buurtcode of gebied.onbekend in levering.yaml aan (onderwerp participatie niet gepubliceerd)'
		);
	});

	test('a weight of zero with a value: quarantined at the export’s line and weight column', async () => {
		const raw = wideDelivery((dir) => {
			const path = join(dir, 'buurt.csv');
			const rows = dsvFormat(',').parseRows(readFileSync(path, 'utf8').trim());
			const w = rows[0]!.indexOf('b_gwpover');
			rows[1]![w] = '0';
			writeFileSync(path, dsvFormat(',').formatRows(rows));
		});
		const run = await runPipeline({ paths: fixturePaths({ raw }), env: ENV, maxQuarantineRate: 0.5 });
		const source = run.sources.find((s) => s.file.endsWith('bvb_buurtcijfers'))!;
		expect(source.quarantined).toBe(6);
		expect(formatIssue({ ...source.issues[0]!, file: 'x' })).toMatch(
			/^x regel 2, kolom \d+ \(b_gwpover\): een waarde zonder gewicht \(of met gewicht 0\)/
		);
	});

	test('long layout without the respondent counts', async () => {
		const raw = temp('koers-figures-long-');
		cpSync('tests/fixtures/pipeline/good', raw, { recursive: true });
		rmSync(join(raw, 'GM0193', 'bvb_respondenten.csv'));
		writeFileSync(
			join(raw, 'GM0193', 'bvb_buurtcijfers.csv'),
			'jaar;buurtcode;onderwerp;waarde;gewicht\n2014;BU01931000;participatie;5,2;100\n'
		);
		expect((await refused(raw)).message).toContain('kolom "respondenten" ontbreekt in de kopregel');
	});
});

describe('long layout: figures per buurt give the wijk and gemeente values of the respondents', () => {
	test('weighted means of buurt figures equal the respondent-level means; nothing is significant without microdata', async () => {
		const micro = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		await runPipeline({ paths: micro, env: {} });
		// The figures a statistics department would deliver, computed here from the same respondents.
		const respondents = dsvFormat(';').parse(
			readFileSync('tests/fixtures/pipeline/good/GM0193/bvb_respondenten.csv', 'utf8')
		);
		const lines = ['jaar;buurtcode;onderwerp;waarde;gewicht;respondenten'];
		const dec = (s: string) => Number(s.replace(',', '.'));
		for (const schaal of ['participatie', 'isolement']) {
			const groups = new Map<string, { sw: number; swx: number; n: number; jaar: string }>();
			for (const r of respondents) {
				if (!r[schaal]) continue;
				const key = `${r['jaar']}|${r['buurtcode']}`;
				const g = groups.get(key) ?? { sw: 0, swx: 0, n: 0, jaar: r['jaar']! };
				g.sw += dec(r['gewicht']!);
				g.swx += dec(r['gewicht']!) * dec(r[schaal]!);
				g.n++;
				groups.set(key, g);
			}
			for (const [key, g] of groups)
				lines.push(`${g.jaar};${key.split('|')[1]};${schaal};${g.swx / g.sw};${g.sw};${g.n}`);
		}
		const raw = temp('koers-figures-long-');
		cpSync('tests/fixtures/pipeline/good', raw, { recursive: true });
		rmSync(join(raw, 'GM0193', 'bvb_respondenten.csv'));
		writeFileSync(join(raw, 'GM0193', 'bvb_buurtcijfers.csv'), lines.join('\n') + '\n');
		const figures = fixturePaths({ raw });
		await runPipeline({ paths: figures, env: {} });
		const [a, b] = [await scores(micro.published), await scores(figures.published)];
		const key = (s: Score) => `${s.gebied_code}|${s.schaal}|${s.doelgroep}`;
		const fromFigures = new Map(b.map((s) => [key(s), s]));
		let compared = 0;
		for (const s of a.filter((x) => x.doelgroep === '18+' && x.gebied_niveau !== 'buurt')) {
			const f = fromFigures.get(key(s))!;
			if (s.gemiddelde === null) expect(f.gemiddelde).toBeNull();
			else {
				expect(f.gemiddelde).toBeCloseTo(s.gemiddelde, 4);
				compared++;
			}
			expect(f.respondenten).toBe(s.respondenten);
			expect(f.standaardfout).toBeNull();
		}
		expect(compared).toBeGreaterThan(0);
		// A buurt under the threshold is suppressed, yet its respondents are in its wijk's figure.
		const small = b.find(
			(s) => s.gebied_niveau === 'buurt' && s.gemiddelde === null && s.respondenten !== null
		);
		expect(small, 'a buurt under the threshold with respondents').toBeDefined();
		expect(b.filter((s) => s.gebied_niveau === 'wijk' && s.gemiddelde !== null).length).toBeGreaterThan(0);
	});
});
