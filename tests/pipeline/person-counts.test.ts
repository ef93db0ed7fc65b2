import { describe, expect, test } from 'vitest';
import { areaSets } from '../../pipelines/publish/area-sql';
import { personCountsSql } from '../../pipelines/publish/person-count-sql';
import { openNodeEngine } from '../../src/lib/db/node.server';

/**
 * personCountsSql gives exactly what count(DISTINCT person) over GROUPING SETS gives, also for persons
 * with several buurten, wijken or measures in a year, persons seen twice in one group, and NULLs.
 */
const SETS = `${areaSets(['jaar', 'maat'])}, ${areaSets(['jaar'])}`;

async function compare(rows: string): Promise<{ rows: number; differences: number }> {
	const engine = await openNodeEngine({ threads: 1 });
	try {
		await engine.run(`CREATE TABLE r AS ${rows}`);
		const expected = `SELECT jaar, maat, wijkcode, buurtcode, GROUPING(jaar, maat, wijkcode, buurtcode) AS g, count(DISTINCT pseudoniem) AS n FROM r GROUP BY GROUPING SETS (${SETS})`;
		// The same grouping set id, computed from which dimensions are NULL in the result when the data has no NULLs.
		const actual = `SELECT jaar, maat, wijkcode, buurtcode, n FROM (${personCountsSql({ from: 'SELECT * FROM r', person: 'pseudoniem', fixed: ['jaar'], varying: ['maat', 'wijkcode', 'buurtcode'], sets: SETS })})`;
		const [counted] = await engine.query<{ rows: number; differences: number }>(
			`SELECT (SELECT CAST(count(*) AS INTEGER) FROM (${expected})) AS rows,
				(SELECT CAST(count(*) AS INTEGER) FROM (
					(SELECT jaar, maat, wijkcode, buurtcode, n FROM (${expected}) EXCEPT ALL ${actual})
					UNION ALL (${actual} EXCEPT ALL SELECT jaar, maat, wijkcode, buurtcode, n FROM (${expected}))
				)) AS differences`
		);
		return counted!;
	} finally {
		engine.close();
	}
}

describe('distinct persons per grouping set', () => {
	test('equal to count(DISTINCT) when persons have one or several values in a year', async () => {
		// 20.000 rows of 3.000 persons over 4 years; a person's rows fall in 1 to 3 buurten and 2 measures.
		const counted = await compare(`
			SELECT 2020 + (i % 4) AS jaar, p AS pseudoniem,
				CASE WHEN p % 5 = 0 THEN ['a', 'b'][1 + i % 2] ELSE 'a' END AS maat,
				'WK' || (b // 4) AS wijkcode, 'BU' || b AS buurtcode
			FROM (SELECT i, (i * 7919) % 3000 AS p, CASE WHEN (i * 7919) % 3000 % 3 = 0 THEN (i % 12) ELSE ((i * 7919) % 3000) % 12 END AS b FROM range(20000) t(i))`);
		expect(counted.rows).toBeGreaterThan(50);
		expect(counted.differences).toBe(0);
	});

	test('equal to count(DISTINCT) with NULL years and buurten', async () => {
		const counted = await compare(`
			SELECT CASE WHEN i % 17 = 0 THEN NULL ELSE 2020 + (i % 3) END AS jaar, (i * 31) % 500 AS pseudoniem, 'a' AS maat,
				'WK' || (i % 3) AS wijkcode, CASE WHEN i % 11 = 0 THEN NULL ELSE 'BU' || (i % 6) END AS buurtcode
			FROM range(3000) t(i)`);
		expect(counted.differences).toBe(0);
	});
});
