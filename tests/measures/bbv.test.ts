import { describe, expect, test } from 'vitest';
import { BBV_INDICATORS, bbvSql } from '../../src/lib/measures/bbv';
import { openNodeEngine } from '../../src/lib/db/node.server';

describe('BBV indicators', () => {
	test('a ratio is computed after rounding, per the BBV unit, and a suppressed part gives no number', async () => {
		const engine = await openNodeEngine();
		// Two wijken: one complete, one whose 65+ count is suppressed (published as NULL).
		await engine.run(`
			CREATE TABLE bijstand AS SELECT * FROM (VALUES
				('GM0193', 2020, 'wijk', 'WK019310', 'huishoudens in bijstand', 120.0),
				('GM0193', 2020, 'wijk', 'WK019311', 'huishoudens in bijstand', 85.0)
			) t(gemeente, jaar, gebied_niveau, gebied_code, maat, huishoudens);
			CREATE TABLE bevolking AS SELECT * FROM (VALUES
				('GM0193', 2020, 'wijk', 'WK019310', '18-64', 3000.0),
				('GM0193', 2020, 'wijk', 'WK019310', '65+', 1000.0),
				('GM0193', 2020, 'wijk', 'WK019311', '18-64', 2000.0),
				('GM0193', 2020, 'wijk', 'WK019311', '65+', NULL)
			) t(gemeente, jaar, gebied_niveau, gebied_code, leeftijdsklasse, inwoners);
		`);
		const bijstand = BBV_INDICATORS.find((b) => b.number === 27)!;
		const rows = await engine.query(bbvSql({ indicator: bijstand, level: 'wijk' }));
		engine.close();
		expect(rows).toEqual([
			{
				gemeente: 'GM0193',
				gebied_code: 'WK019310',
				year: 2020,
				value: 300,
				numerator: 120,
				denominator: 4000
			},
			{
				gemeente: 'GM0193',
				gebied_code: 'WK019311',
				year: 2020,
				value: null,
				numerator: 85,
				denominator: null
			}
		]);
	});
});
