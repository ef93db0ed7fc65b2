import { discloseCountSql } from '../../src/lib/disclosure/rules';
import { VOORZIENINGEN } from '../../src/lib/measures/tables';
import { sqlString } from '../../src/lib/db/query';
import { AREA_LEVEL, areaCodeSql, areaSets } from './area-sql';
import { personCountsSql } from './person-count-sql';
import type { NodeEngine } from '../../src/lib/db/node.server';

/** Every area level, each per voorziening and over all voorzieningen (TOTAAL). */
const AREA_SETS = `${areaSets(['jaar', 'voorziening'])}, ${areaSets(['jaar'])}`;
const AREA_GROUPING = `GROUPING SETS (${AREA_SETS})`;

/**
 * Builds `pub_wmo_clienten` from the pseudonymised toewijzingen: for every gemeente, wijk and buurt,
 * every year and every voorziening (and TOTAAL), the inwoners with a lopende voorziening on 1 January
 * (in_gebruik) and the voorzieningen granted in the year (verstrekt). The grid is complete, so an
 * area without clients is published as suppressed, never left out or shown as 0.
 */
export async function aggregateWmo(options: { engine: NodeEngine; gemeente: string }): Promise<void> {
	const { engine, gemeente } = options;
	const [range] = await engine.query<{ first: number; last: number }>(
		'SELECT CAST(min(year(startdatum)) AS INTEGER) AS first, CAST(max(year(startdatum)) AS INTEGER) AS last FROM wmo_toewijzingen'
	);
	const last = range?.last ?? new Date().getFullYear();
	// Twelve years at most: older stocks depend on toewijzingen that ended before the export window.
	const years = { from: Math.max(range?.first ?? last, last - 11), to: last };
	const kinds = [...Object.keys(VOORZIENINGEN), 'TOTAAL'].map((k) => `(${sqlString(k)})`).join(', ');
	await engine.run(`
		CREATE OR REPLACE TABLE pub_wmo_clienten AS
		WITH years AS (SELECT CAST(unnest(range(${years.from}, ${years.to + 1})) AS INTEGER) AS jaar),
		t AS (SELECT w.*, b.wijk AS wijkcode FROM wmo_toewijzingen w JOIN ref_buurten b ON b.code = w.buurtcode),
		-- A toewijzing is in gebruik on the peildatum 1 January when it started on or before that day
		-- and has not ended before it (an einddatum on the peildatum itself still counts).
		active AS (
			SELECT y.jaar, t.* FROM t JOIN years y
			ON t.startdatum <= make_date(y.jaar, 1, 1) AND (t.einddatum IS NULL OR t.einddatum >= make_date(y.jaar, 1, 1))
		),
		granted AS (SELECT CAST(year(startdatum) AS INTEGER) AS jaar, t.* FROM t WHERE year(startdatum) BETWEEN ${years.from} AND ${years.to}),
		clients AS (${personCountsSql({ from: 'SELECT * FROM active', person: 'pseudoniem', fixed: ['jaar'], varying: ['voorziening', 'wijkcode', 'buurtcode'], sets: AREA_SETS })}),
		counts AS (
			SELECT 'in_gebruik' AS meting, jaar, coalesce(voorziening, 'TOTAAL') AS voorziening,
				${AREA_LEVEL} AS gebied_niveau,
				${areaCodeSql(sqlString(gemeente))} AS gebied_code,
				n
			FROM clients
			UNION ALL
			-- verstrekt counts toewijzingen, not persons: one inwoner can be granted two in a year.
			SELECT 'verstrekt', jaar, coalesce(voorziening, 'TOTAAL'),
				${AREA_LEVEL},
				${areaCodeSql(sqlString(gemeente))},
				count(*)
			FROM granted
			GROUP BY ${AREA_GROUPING}
		),
		grid AS (
			SELECT g.gebied_niveau, g.gebied_code, y.jaar, k.voorziening, m.meting
			FROM pub_gebieden g, years y, (VALUES ${kinds}) k(voorziening), (VALUES ('in_gebruik'), ('verstrekt')) m(meting)
			WHERE g.gemeente = ${sqlString(gemeente)}
		)
		SELECT ${sqlString(gemeente)} AS gemeente, grid.jaar, grid.gebied_niveau, grid.gebied_code, grid.voorziening, grid.meting,
			${discloseCountSql('coalesce(counts.n, 0)')} AS aantal
		FROM grid LEFT JOIN counts USING (meting, jaar, voorziening, gebied_niveau, gebied_code)
		ORDER BY gemeente, jaar, gebied_niveau, gebied_code, voorziening, meting
	`);
}
