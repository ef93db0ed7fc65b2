import { discloseCountSql } from '../../src/lib/disclosure/rules';
import { sqlString } from '../../src/lib/db/query';
import type { NodeEngine } from '../../src/lib/db/node.server';
import { AREA_LEVEL, areaCodeSql, areaSets } from './area-sql';
import { personCountsSql } from './person-count-sql';

const AREA_SETS = areaSets(['jaar', 'vorm']);

/**
 * Builds `pub_jeugdhulp` (jeugdigen per year, area and vorm: totaal, zonder/met verblijf, zwaar,
 * herhaald beroep) and `pub_jeugdhulp_resultaat` (afgesloten trajecten with a known outcome, how
 * many with less problems, and the percentage computed from the rounded counts).
 */
export async function aggregateJeugd(options: { engine: NodeEngine; gemeente: string }): Promise<void> {
	const { engine, gemeente } = options;
	const gm = sqlString(gemeente);
	await engine.run(`
		CREATE OR REPLACE TABLE pub_jeugdhulp AS
		WITH t AS (SELECT j.*, b.wijk AS wijkcode FROM jeugd_trajecten j JOIN ref_buurten b ON b.code = j.buurtcode),
		years AS (SELECT CAST(unnest(range((SELECT min(year(startdatum)) FROM t), (SELECT max(year(startdatum)) FROM t) + 1)) AS INTEGER) AS jaar),
		-- A jeugdige counts in a year when one of their trajecten ran on at least one day of it.
		active AS (
			SELECT y.jaar, t.* FROM t JOIN years y
			ON t.startdatum <= make_date(y.jaar, 12, 31) AND (t.einddatum IS NULL OR t.einddatum >= make_date(y.jaar, 1, 1))
		),
		-- Herhaald beroep: a traject that starts within a year after an earlier one of the same jeugdige ended.
		repeats AS (
			SELECT CAST(year(t2.startdatum) AS INTEGER) AS jaar, t2.pseudoniem, t2.buurtcode, t2.wijkcode FROM t t2
			WHERE EXISTS (SELECT 1 FROM t t1 WHERE t1.pseudoniem = t2.pseudoniem AND t1.einddatum < t2.startdatum AND t1.einddatum >= t2.startdatum - INTERVAL 365 DAY)
		),
		forms AS (
			SELECT jaar, pseudoniem, buurtcode, wijkcode, 'totaal' AS vorm FROM active
			UNION ALL SELECT jaar, pseudoniem, buurtcode, wijkcode, CASE WHEN verblijf THEN 'met verblijf' ELSE 'zonder verblijf' END FROM active
			UNION ALL SELECT jaar, pseudoniem, buurtcode, wijkcode, 'zwaar' FROM active WHERE zwaarte = 'zwaar'
			UNION ALL SELECT jaar, pseudoniem, buurtcode, wijkcode, 'herhaald beroep' FROM repeats
		),
		counts AS (
			SELECT jaar, vorm, ${AREA_LEVEL} AS gebied_niveau, ${areaCodeSql(gm)} AS gebied_code, n
			FROM (${personCountsSql({ from: 'SELECT * FROM forms', person: 'pseudoniem', fixed: ['jaar', 'vorm'], varying: ['wijkcode', 'buurtcode'], sets: AREA_SETS })})
		),
		grid AS (
			SELECT g.gebied_niveau, g.gebied_code, y.jaar, v.vorm FROM pub_gebieden g, years y,
			(VALUES ('totaal'), ('zonder verblijf'), ('met verblijf'), ('zwaar'), ('herhaald beroep')) v(vorm)
			WHERE g.gemeente = ${gm}
		)
		SELECT ${gm} AS gemeente, grid.jaar, grid.gebied_niveau, grid.gebied_code, grid.vorm, ${discloseCountSql('CAST(coalesce(counts.n, 0) AS INTEGER)')} AS jeugdigen
		FROM grid LEFT JOIN counts USING (jaar, vorm, gebied_niveau, gebied_code)
		ORDER BY gemeente, jaar, gebied_niveau, gebied_code, vorm
	`);
	await engine.run(`
		CREATE OR REPLACE TABLE pub_jeugdhulp_resultaat AS
		WITH t AS (SELECT j.*, b.wijk AS wijkcode FROM jeugd_trajecten j JOIN ref_buurten b ON b.code = j.buurtcode WHERE einddatum IS NOT NULL AND problemen_verminderd IS NOT NULL),
		counts AS (
			SELECT CAST(year(einddatum) AS INTEGER) AS jaar, CASE WHEN wijkcode IS NULL THEN 'gemeente' ELSE 'wijk' END AS gebied_niveau, coalesce(wijkcode, ${gm}) AS gebied_code,
				count(*) AS beantwoord, count(*) FILTER (WHERE problemen_verminderd) AS verminderd
			FROM t GROUP BY GROUPING SETS ((year(einddatum), wijkcode), (year(einddatum)))
		),
		rounded AS (
			SELECT jaar, gebied_niveau, gebied_code,
				${discloseCountSql('CAST(beantwoord AS INTEGER)')} AS beantwoord,
				${discloseCountSql('CAST(verminderd AS INTEGER)')} AS verminderd
			FROM counts
		)
		-- The percentage is computed after rounding, from the published counts.
		SELECT ${gm} AS gemeente, jaar, gebied_niveau, gebied_code, beantwoord, verminderd,
			CASE WHEN beantwoord > 0 AND verminderd IS NOT NULL THEN round(100.0 * verminderd / beantwoord, 1) END AS percentage
		FROM rounded ORDER BY gemeente, jaar, gebied_niveau, gebied_code
	`);
}
