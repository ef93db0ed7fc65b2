import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/run';
import { leakScan } from '../../pipelines/publish/leak-scan';
import { generateGemeenten, NATIONAL, writeNational } from '../../pipelines/synth/national';
import { openRelease } from '../../src/lib/db/node.server';
import { DEFAULT_MIN_RESPONDENTS, ROUNDING_BASE, SECRET_MAX } from '../../src/lib/disclosure/rules';
import { sqlIdent } from '../../src/lib/db/query';
import { bbvSql } from '../../src/lib/measures/bbv';
import { bbvIndicator } from '../../src/lib/measures/spec';
import { fixturePaths } from '../helpers/paths';

/** Columns of the release that count persons or households: secret up to 7, else multiples of 5. */
const PERSON_COUNTS = [
	'aantal',
	'jeugdigen',
	'huishoudens',
	'inwoners',
	'plaatsingen',
	'meldingen',
	'zonder_aanvraag',
	'beantwoord',
	'verminderd'
];

/** Generated gemeenten in the test: the generator and pipeline are the national ones, the count smaller. */
const GENERATED = 12;

describe('the national synthetic set', () => {
	it('generates every gemeente of the country with national sizes and CBS-style areas', () => {
		const all = generateGemeenten({ seed: 1, count: NATIONAL.gemeenten - 2, inhabitants: 17_540_000 });
		expect(all).toHaveLength(340);
		expect(new Set(all.map((g) => g.code)).size).toBe(340);
		const total = all.reduce((s, g) => s + g.inhabitants, 0);
		expect(total).toBeGreaterThan(17_000_000);
		expect(total).toBeLessThan(18_000_000);
		const buurten = all.reduce((s, g) => s + g.buurten.length, 0);
		// The country has about 14.000 buurten and 3.300 wijken.
		expect(buurten).toBeGreaterThan(11_000);
		expect(buurten).toBeLessThan(16_000);
		for (const g of all) {
			expect(g.code).toMatch(/^GM9\d{3}$/);
			for (const b of g.buurten) expect(b['statcode']).toMatch(new RegExp(`^BU${g.code.slice(2)}\\d{4}$`));
			for (const b of g.buurten) expect(g.wijken.map((w) => w['statcode'])).toContain(b['wijkcode']);
		}
	});

	it('builds, publishes, and its release passes the disclosure and leak checks', async () => {
		const raw = mkdtempSync(join(tmpdir(), 'koers-national-raw-'));
		const paths = fixturePaths({ raw });
		const written = await writeNational({ paths, gemeenten: GENERATED });
		expect(written.gemeenten).toBe(GENERATED + 2);
		expect(readdirSync(raw).filter((d) => /^GM\d{4}$/.test(d))).toHaveLength(GENERATED + 2);

		const report = await runPipeline({ paths, env: {} });
		expect(report.manifest.sample).toBe(true);
		expect(report.manifest.gemeenten).toHaveLength(GENERATED + 2);
		expect(report.manifest.gemeenten.find((g) => g.code === 'GM9001')?.name).toBe('Voorbeeldgemeente 001');
		// Nothing lost: every row read is published or quarantined.
		for (const s of report.sources) expect(s.rows, s.file).toBe(s.published + s.quarantined);

		const { engine, manifest } = await openRelease({ publishedDir: paths.published });
		try {
			// The leak scan again, on the published files themselves.
			expect(await leakScan({ engine, tables: Object.keys(manifest.tables) })).toEqual([]);
			for (const [name, table] of Object.entries(manifest.tables)) {
				for (const column of table.columns.filter((c) => PERSON_COUNTS.includes(c.name))) {
					const [bad] = await engine.query<{ n: number }>(
						`SELECT CAST(count(*) AS INTEGER) AS n FROM ${sqlIdent(name)} WHERE ${sqlIdent(column.name)} IS NOT NULL AND (${sqlIdent(column.name)} <= ${SECRET_MAX} OR ${sqlIdent(column.name)} % ${ROUNDING_BASE} <> 0)`
					);
					expect(bad!.n, `${name}.${column.name}: counts of 0–${SECRET_MAX} or not rounded`).toBe(0);
				}
				if (table.columns.some((c) => c.name === 'respondenten')) {
					const value = table.columns.some((c) => c.name === 'gemiddelde') ? 'gemiddelde' : 'waarde';
					const [bad] = await engine.query<{ n: number }>(
						`SELECT CAST(count(*) AS INTEGER) AS n FROM ${sqlIdent(name)} WHERE ${value} IS NOT NULL AND respondenten < ${DEFAULT_MIN_RESPONDENTS}`
					);
					expect(bad!.n, `${name}: a score from fewer than ${DEFAULT_MIN_RESPONDENTS} respondents`).toBe(0);
				}
			}
			// Every generated gemeente has its own wijken and buurten, and its own partition of each table.
			const [areas] = await engine.query<{ gemeenten: number; buurten: number }>(
				"SELECT CAST(count(DISTINCT gemeente) AS INTEGER) AS gemeenten, CAST(count(*) FILTER (WHERE gebied_niveau = 'buurt') AS INTEGER) AS buurten FROM gebieden"
			);
			expect(areas!.gemeenten).toBe(GENERATED + 2);
			const partitions = new Set(manifest.tables['wmo_clienten']!.files.map((f) => f.partition['gemeente']));
			expect(partitions.size).toBe(GENERATED + 2);
			// The pre-aggregated national table: one file, every gemeente, the pages' own BBV SQL.
			expect(manifest.tables['kerncijfers']!.files).toHaveLength(1);
			const [kern] = await engine.query<{ gemeenten: number; waarde: number }>(
				"SELECT CAST(count(DISTINCT gemeente) AS INTEGER) AS gemeenten, max(waarde) FILTER (WHERE gemeente = 'GM9001' AND jaar = 2024) AS waarde FROM kerncijfers WHERE indicator = 'bbv-32-wmo'"
			);
			expect(kern!.gemeenten).toBe(GENERATED + 2);
			const [direct] = await engine.query<{ value: number }>(
				`SELECT value FROM (${bbvSql({ indicator: bbvIndicator('bbv-32-wmo'), level: 'gemeente', gemeente: 'GM9001' })}) WHERE year = 2024`
			);
			expect(kern!.waarde).toBe(direct!.value);
			// Ten years and more of registrations at national rates: WMO clients per 1.000 inhabitants near 67.
			const [rate] = await engine.query<{ per1000: number }>(
				`SELECT 1000.0 * sum(w.aantal) / sum(b.inwoners) AS per1000
				FROM wmo_clienten w JOIN bevolking b USING (gemeente, jaar, gebied_niveau, gebied_code)
				WHERE w.gebied_niveau = 'gemeente' AND w.voorziening = 'TOTAAL' AND w.meting = 'in_gebruik' AND w.jaar = 2024
					AND b.leeftijdsklasse = 'totaal' AND w.gemeente LIKE 'GM9%'`
			);
			expect(rate!.per1000).toBeGreaterThan(40);
			expect(rate!.per1000).toBeLessThan(100);
		} finally {
			engine.close();
		}
	}, 600_000);
});
