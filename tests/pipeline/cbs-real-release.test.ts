import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { dsvFormat } from 'd3-dsv';
import { runPipeline } from '../../pipelines/run';
import { openRelease } from '../../src/lib/db/node.server';
import { wijkFiguresSql, type WijkFigures } from '../../src/lib/measures/real-cbs';
import { fixturePaths } from '../helpers/paths';

/**
 * The real release (`npm run echt`): the real CBS files of data/echt/cbs published for every gemeente,
 * and the BBV set bound to them. The expected values are read from the source CSVs here, by title,
 * without Koers' reader: the release must give CBS's own cells.
 */

/** A cell of a labelled source file, found by its titles. */
function sourceCell(options: { table: string; where: Record<string, string>; measure: string }): number {
	const text = readFileSync(`data/echt/cbs/${options.table}/${options.table}.csv`, 'utf8').replace(
		/^\uFEFF/,
		''
	);
	const rows = dsvFormat(';').parse(text);
	const found = rows.filter((r) => Object.entries(options.where).every(([k, v]) => r[k] === v));
	expect(found, JSON.stringify(options)).toHaveLength(1);
	return Number(found[0]![options.measure]);
}

const GEMEENTEN = { GM0193: 'Zwolle', GM0014: 'Groningen (gemeente)' } as const;

const BOUND = [
	{ indicator: 'bbv-29-jeugdhulp', table: '85098NED', measure: 'JongerenMetJeugdhulpInNatura_1' },
	{ indicator: 'bbv-30', table: '85098NED', measure: 'JongerenMetJeugdbescherming_3' },
	{ indicator: 'bbv-31', table: '85098NED', measure: 'JongerenMetJeugdreclassering_5' },
	{
		indicator: 'bbv-32-wmo',
		table: '86050NED',
		measure: 'WmoClientenPer1000Inwoners_2',
		where: { TypeMaatwerkvoorziening: 'Totaal' }
	}
];

describe('the real CBS release (data/echt)', () => {
	const paths = fixturePaths({ raw: 'data/echt' });
	let run: Awaited<ReturnType<typeof runPipeline>>;
	beforeAll(async () => {
		run = await runPipeline({ paths, env: {} });
	});

	test('stapeling per wijk for Zwolle equals 85994NED: every wijk, persons and households', async () => {
		const text = readFileSync('data/echt/cbs/85994NED/85994NED.csv', 'utf8').replace(/^\uFEFF/, '');
		const source = dsvFormat(';')
			.parse(text)
			.filter(
				(r) =>
					r['AantalVoorzieningen'] === 'Totaal' &&
					r['SoortVoorzieningSociaalDomein'] === 'Totaal' &&
					/^WK0193/.test(r['Codering_3']!.trim())
			)
			.map((r) => ({
				code: r['Codering_3']!.trim(),
				clienten: r['ClientenMetVoorzieningen_5'] ? Number(r['ClientenMetVoorzieningen_5']) : null,
				huishoudens: r['HuishoudensMetVoorzieningen_6'] ? Number(r['HuishoudensMetVoorzieningen_6']) : null
			}))
			.sort((a, b) => a.code.localeCompare(b.code));
		expect(source.length).toBeGreaterThan(10);
		const { engine } = await openRelease({ publishedDir: paths.published });
		try {
			const rows = await engine.query<WijkFigures>(
				wijkFiguresSql({ gemeente: 'GM0193', period: '2024HJ01' })
			);
			expect(rows[0]).toMatchObject({
				code: 'GM0193',
				level: 'gemeente',
				clienten: 17_235,
				huishoudens: 14_835
			});
			expect(
				rows
					.filter((r) => r.level === 'wijk')
					.map((r) => ({ code: r.code, clienten: r.clienten, huishoudens: r.huishoudens }))
			).toEqual(source);
		} finally {
			engine.close();
		}
	});

	test('BBV 29–32 of Zwolle and Groningen equal the source cells, with table, status and CBS peers', async () => {
		const tables = run.manifest.cbs?.tables ?? [];
		expect(tables.map((t) => t.id)).toEqual([
			'84799NED',
			'85098NED',
			'85099NED',
			'85588NED',
			'85990NED',
			'85994NED',
			'85996NED',
			'86050NED',
			'86051NED'
		]);
		expect(tables.find((t) => t.id === '86050NED')?.coverage).toEqual({
			truncated: true,
			rows: 10_000,
			categories: [
				{ category: 'Totaal', complete: true },
				{ category: 'Totaal exclusief verblijf en opvang', complete: false }
			],
			skipped: []
		});
		const { engine } = await openRelease({ publishedDir: paths.published });
		try {
			for (const b of BOUND)
				for (const [code, title] of Object.entries(GEMEENTEN))
					for (const year of [2021, 2022, 2023]) {
						const [row] = await engine.query<{ waarde: number; tabel: string; status: string }>(
							`SELECT waarde, tabel, status FROM benchmark WHERE indicator = '${b.indicator}' AND gemeente = '${code}' AND jaar = ${year}`
						);
						const expected = sourceCell({
							table: b.table,
							where: { RegioS: title, Perioden: String(year), ...b.where },
							measure: b.measure
						});
						expect(row, `${b.indicator} ${code} ${year}`).toEqual({
							waarde: expected,
							tabel: b.table,
							status: 'onbekend'
						});
					}
			// Peers from CBS's Gebieden in Nederland: its own size class and province, and the indeling said.
			expect(
				await engine.query(
					"SELECT DISTINCT gemeente, provincie, grootteklasse, indeling FROM benchmark WHERE gemeente IN ('GM0193', 'GM0014') ORDER BY gemeente"
				)
			).toEqual([
				{
					gemeente: 'GM0014',
					provincie: 'Groningen',
					grootteklasse: 7,
					indeling: 'Gemeentelijke indeling 2025 (CBS Gebieden in Nederland, 86059NED)'
				},
				{
					gemeente: 'GM0193',
					provincie: 'Overijssel',
					grootteklasse: 6,
					indeling: 'Gemeentelijke indeling 2025 (CBS Gebieden in Nederland, 86059NED)'
				}
			]);
			// BBV 27 from Kerncijfers wijken en buurten 2020 (Parquet, with DataProperties): CBS's count of
			// persons with bijstand, the reference README's figures.
			expect(
				await engine.query(
					"SELECT gemeente, eenheid, jaar, waarde FROM benchmark WHERE indicator = 'bbv-27-bijstand' AND gemeente IN ('GM0193', 'GM0014', 'NL00') ORDER BY gemeente"
				)
			).toEqual([
				{ gemeente: 'GM0014', eenheid: 'aantal', jaar: 2020, waarde: 10_840 },
				{ gemeente: 'GM0193', eenheid: 'aantal', jaar: 2020, waarde: 3_650 },
				{ gemeente: 'NL00', eenheid: 'aantal', jaar: 2020, waarde: 421_110 }
			]);
			// BBV 28 in CBS's unit (a count at the end of December), never converted.
			expect(
				await engine.query(
					"SELECT eenheid, jaar, waarde FROM benchmark WHERE indicator = 'bbv-28' AND gemeente = 'GM0193'"
				)
			).toEqual([
				{
					eenheid: 'aantal',
					jaar: 2023,
					waarde: sourceCell({
						table: '85588NED',
						where: {
							RegioS: 'Zwolle',
							Perioden: '2023 december',
							StatusVoorziening: 'Lopend eind verslagperiode'
						},
						measure: 'ReIntegratieParticipatievoorzieningen_1'
					})
				}
			]);
		} finally {
			engine.close();
		}
	});
});
