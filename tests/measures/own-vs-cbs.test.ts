import { describe, expect, test } from 'vitest';
import { openRelease } from '../../src/lib/db/node.server';
import { compareOwnWithCbs, ownVersusCbsSql } from '../../src/lib/measures/own-vs-cbs';

describe('own registration beside CBS (Wmo-cliënten)', () => {
	test('difference in number and per cent of the own figure; never from a missing value', () => {
		expect(
			compareOwnWithCbs([
				{ year: 2022, own: 12000, cbs: 13080 },
				{ year: 2023, own: null, cbs: 13100 },
				{ year: 2024, own: 12500, cbs: null },
				{ year: 2025, own: 0, cbs: 10 }
			])
		).toEqual([
			{ year: 2022, own: 12000, cbs: 13080, difference: 1080, percent: 9 },
			{ year: 2023, own: null, cbs: 13100, difference: null, percent: null },
			{ year: 2024, own: 12500, cbs: null, difference: null, percent: null },
			{ year: 2025, own: 0, cbs: 10, difference: 10, percent: null }
		]);
	});

	test('on the sample release the SQL gives the published figures of both tables', async () => {
		const { engine } = await openRelease({ publishedDir: 'static/data' });
		try {
			const rows = await engine.query<{ year: number; own: number | null; cbs: number | null }>(
				ownVersusCbsSql('GM0193')
			);
			// Independently: the two published tables read on their own.
			const own = await engine.query<{ jaar: number; aantal: number | null }>(
				"SELECT jaar, aantal FROM wmo_clienten WHERE gemeente = 'GM0193' AND gebied_code = 'GM0193' AND voorziening = 'TOTAAL' AND meting = 'in_gebruik' ORDER BY jaar"
			);
			const cbs = await engine.query<{ jaar: number; waarde: number | null }>(
				"SELECT jaar, waarde FROM cbs_cijfers WHERE gebied_code = 'GM0193' AND maat = 'WmoClienten' ORDER BY jaar"
			);
			expect(cbs.map((c) => c.jaar)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
			const years = [...new Set([...own.map((o) => o.jaar), ...cbs.map((c) => c.jaar)])].sort(
				(a, b) => a - b
			);
			expect(rows).toEqual(
				years.map((year) => ({
					year,
					own: own.find((o) => o.jaar === year)?.aantal ?? null,
					cbs: cbs.find((c) => c.jaar === year)?.waarde ?? null
				}))
			);
			// CBS counts everyone with a voorziening during the year, Koers those on 1 January: CBS is higher.
			for (const r of compareOwnWithCbs(rows).filter((r) => r.difference !== null))
				expect(r.difference, String(r.year)).toBeGreaterThan(0);
		} finally {
			engine.close();
		}
	});
});
