import { discloseCountSql } from '../../src/lib/disclosure/rules';
import { sqlString } from '../../src/lib/db/query';
import type { NodeEngine } from '../../src/lib/db/node.server';
import { EXIT_TO_WORK } from '../../src/lib/schemas/participatie';
import { AREA_LEVEL, areaCodeSql, areaSets } from './area-sql';
import { personCountsSql } from './person-count-sql';

const toWork = EXIT_TO_WORK.map(sqlString).join(', ');

/**
 * Builds `pub_bijstand`: per year and area the households in the bijstand at the end of the year,
 * volledige uitstroom (ended to werk, onderneming or opleiding), gedeeltelijke uitstroom (started to
 * earn from work while on bijstand), instroom of jongeren (18–26) and their uitstroom to werk or
 * opleiding. Complete grid, disclosure rule on every count.
 */
export async function aggregateBijstand(options: { engine: NodeEngine; gemeente: string }): Promise<void> {
	const { engine, gemeente } = options;
	const gm = sqlString(gemeente);
	await engine.run(`
		CREATE OR REPLACE TABLE pub_bijstand AS
		WITH u AS (SELECT p.*, b.wijk AS wijkcode FROM pw_uitkeringen p JOIN ref_buurten b ON b.code = p.buurtcode),
		-- The window runs to the last year with any event (a start, an end or income from work), twelve years at most.
		bounds AS (SELECT min(year(startdatum)) AS first, max(greatest(year(startdatum), coalesce(year(einddatum), 0), coalesce(year(inkomsten_uit_werk_vanaf), 0))) AS last FROM u),
		years AS (SELECT CAST(unnest(range(greatest(last - 11, first), last + 1)) AS INTEGER) AS jaar FROM bounds),
		events AS (
			-- In the bijstand at the end of the year: started on or before 31 December, not ended before it.
			SELECT y.jaar, 'huishoudens in bijstand' AS maat, u.pseudoniem, u.buurtcode, u.wijkcode FROM u JOIN years y
				ON u.startdatum <= make_date(y.jaar, 12, 31) AND (u.einddatum IS NULL OR u.einddatum > make_date(y.jaar, 12, 31))
			UNION ALL SELECT CAST(year(einddatum) AS INTEGER), 'volledige uitstroom', pseudoniem, buurtcode, wijkcode FROM u WHERE uitstroomreden IN (${toWork})
			UNION ALL SELECT CAST(year(inkomsten_uit_werk_vanaf) AS INTEGER), 'gedeeltelijke uitstroom', pseudoniem, buurtcode, wijkcode FROM u WHERE inkomsten_uit_werk_vanaf IS NOT NULL
			UNION ALL SELECT CAST(year(startdatum) AS INTEGER), 'instroom jongeren', pseudoniem, buurtcode, wijkcode FROM u WHERE leeftijdsklasse = '18-26'
			UNION ALL SELECT CAST(year(einddatum) AS INTEGER), 'uitstroom jongeren naar werk of opleiding', pseudoniem, buurtcode, wijkcode FROM u WHERE leeftijdsklasse = '18-26' AND uitstroomreden IN (${toWork})
		),
		counts AS (
			SELECT jaar, maat, ${AREA_LEVEL} AS gebied_niveau, ${areaCodeSql(gm)} AS gebied_code, n
			FROM (${personCountsSql({ from: 'SELECT * FROM events', person: 'pseudoniem', fixed: ['jaar', 'maat'], varying: ['wijkcode', 'buurtcode'], sets: areaSets(['jaar', 'maat']) })})
		),
		grid AS (
			SELECT g.gebied_niveau, g.gebied_code, y.jaar, m.maat FROM pub_gebieden g, years y,
			(VALUES ('huishoudens in bijstand'), ('volledige uitstroom'), ('gedeeltelijke uitstroom'), ('instroom jongeren'), ('uitstroom jongeren naar werk of opleiding')) m(maat)
			WHERE g.gemeente = ${gm}
		)
		SELECT ${gm} AS gemeente, grid.jaar, grid.gebied_niveau, grid.gebied_code, grid.maat, ${discloseCountSql('CAST(coalesce(counts.n, 0) AS INTEGER)')} AS huishoudens
		FROM grid LEFT JOIN counts USING (jaar, maat, gebied_niveau, gebied_code)
		ORDER BY gemeente, jaar, gebied_niveau, gebied_code, maat
	`);
}

/** Builds `pub_poort`: meldingen at de Poort per year (gemeente, wijk), how many without a bijstandsaanvraag, and the percentage after rounding. */
export async function aggregatePoort(options: { engine: NodeEngine; gemeente: string }): Promise<void> {
	const { engine, gemeente } = options;
	const gm = sqlString(gemeente);
	await engine.run(`
		CREATE OR REPLACE TABLE pub_poort AS
		WITH m AS (SELECT p.*, b.wijk AS wijkcode FROM pw_meldingen p JOIN ref_buurten b ON b.code = p.buurtcode),
		counts AS (
			SELECT CAST(year(meldingsdatum) AS INTEGER) AS jaar, CASE WHEN wijkcode IS NULL THEN 'gemeente' ELSE 'wijk' END AS gebied_niveau, coalesce(wijkcode, ${gm}) AS gebied_code,
				${discloseCountSql('CAST(count(*) AS INTEGER)')} AS meldingen,
				${discloseCountSql('CAST(count(*) FILTER (WHERE NOT bijstandsaanvraag) AS INTEGER)')} AS zonder_aanvraag
			FROM m GROUP BY GROUPING SETS ((year(meldingsdatum), wijkcode), (year(meldingsdatum)))
		)
		-- The percentage is computed after rounding, from the published counts.
		SELECT ${gm} AS gemeente, jaar, gebied_niveau, gebied_code, meldingen, zonder_aanvraag,
			CASE WHEN meldingen > 0 AND zonder_aanvraag IS NOT NULL THEN round(100.0 * zonder_aanvraag / meldingen, 1) END AS percentage
		FROM counts ORDER BY gemeente, jaar, gebied_niveau, gebied_code
	`);
}

/** Builds `pub_plaatsingen`: placements active at the end of each year, per soort, for the gemeente. */
export async function aggregatePlaatsingen(options: { engine: NodeEngine; gemeente: string }): Promise<void> {
	const { engine, gemeente } = options;
	await engine.run(`
		CREATE OR REPLACE TABLE pub_plaatsingen AS
		WITH years AS (SELECT CAST(unnest(range((SELECT min(year(startdatum)) FROM pw_plaatsingen), (SELECT max(year(startdatum)) FROM pw_plaatsingen) + 1)) AS INTEGER) AS jaar),
		soorten AS (SELECT * FROM (VALUES ('garantiebaan'), ('beschut werk'), ('leerwerkbaan')) s(soort))
		SELECT ${sqlString(gemeente)} AS gemeente, y.jaar, 'gemeente' AS gebied_niveau, ${sqlString(gemeente)} AS gebied_code, s.soort,
			${discloseCountSql('CAST(count(p.plaatsingnummer) AS INTEGER)')} AS plaatsingen
		FROM years y CROSS JOIN soorten s
		LEFT JOIN pw_plaatsingen p ON p.soort = s.soort AND p.startdatum <= make_date(y.jaar, 12, 31) AND (p.einddatum IS NULL OR p.einddatum > make_date(y.jaar, 12, 31))
		GROUP BY ALL ORDER BY gemeente, y.jaar, s.soort
	`);
}
