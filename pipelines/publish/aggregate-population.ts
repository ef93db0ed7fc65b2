import { discloseCountSql } from '../../src/lib/disclosure/rules';
import { sqlString } from '../../src/lib/db/query';
import type { NodeEngine } from '../../src/lib/db/node.server';
import { AREA_LEVEL, areaCodeSql, areaSets } from './area-sql';

/**
 * Builds `pub_bevolking`: inhabitants per gemeente, wijk and buurt, year and age band (plus
 * 'totaal'), under the same disclosure rule as every person count, so rates computed from it are
 * computed after rounding.
 */
export async function aggregatePopulation(options: { engine: NodeEngine; gemeente: string }): Promise<void> {
	const { engine, gemeente } = options;
	await engine.run(`
		CREATE OR REPLACE TABLE pub_bevolking AS
		WITH p AS (SELECT b.jaar, b.buurtcode, r.wijk AS wijkcode, b.leeftijdsklasse, b.inwoners FROM bevolking_buurt b JOIN ref_buurten r ON r.code = b.buurtcode),
		sums AS (
			SELECT jaar, coalesce(leeftijdsklasse, 'totaal') AS leeftijdsklasse, ${AREA_LEVEL} AS gebied_niveau, ${areaCodeSql(sqlString(gemeente))} AS gebied_code, sum(inwoners) AS n
			FROM p GROUP BY GROUPING SETS (${areaSets(['jaar', 'leeftijdsklasse'])}, ${areaSets(['jaar'])})
		)
		SELECT ${sqlString(gemeente)} AS gemeente, CAST(jaar AS INTEGER) AS jaar, gebied_niveau, gebied_code, leeftijdsklasse, ${discloseCountSql('CAST(n AS INTEGER)')} AS inwoners
		FROM sums ORDER BY gemeente, jaar, gebied_niveau, gebied_code, leeftijdsklasse
	`);
}
