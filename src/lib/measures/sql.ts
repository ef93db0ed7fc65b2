import { sqlIdent, sqlString } from '../db/query';
import type { AreaBasis } from './area-rate';
import { TABLES, type MeasureTable } from './tables';
import type { AreaLevel } from '../gemeente/types';

/** The columns every observation query returns. */
export interface ObservationRow extends Record<string, number | null> {
	year: number;
	value: number | null;
	standard_error: number | null;
}

/**
 * SQL for the realisatie of a measure in one area, one row per year. The same text runs on native
 * DuckDB at build time and on DuckDB-WASM in the browser.
 */
export function observationsSql(options: {
	measure: { table: MeasureTable; filter: Record<string, string> };
	gemeente: string;
	area: string;
}): string {
	const { measure, gemeente, area } = options;
	const table = TABLES[measure.table];
	// Survey tables carry a standard error; registrations do not.
	const se = table.standardErrorColumn ? sqlIdent(table.standardErrorColumn) : 'NULL';
	const filters = Object.entries(measure.filter).map(([k, v]) => `AND ${sqlIdent(k)} = ${sqlString(v)}`);
	return [
		`SELECT CAST(jaar AS INTEGER) AS year, CAST(${sqlIdent(table.valueColumn)} AS DOUBLE) AS value, CAST(${se} AS DOUBLE) AS standard_error`,
		`FROM ${sqlIdent(table.name)}`,
		`WHERE gemeente = ${sqlString(gemeente)} AND gebied_code = ${sqlString(area)}`,
		...filters,
		'ORDER BY jaar'
	].join('\n');
}

/** SQL for the areas of one level in a gemeente, by code. */
export function areaListSql(options: { gemeente: string; level: AreaLevel }): string {
	return `SELECT gebied_code AS code, gebied_naam AS name FROM gebieden WHERE gemeente = ${sqlString(options.gemeente)} AND gebied_niveau = ${sqlString(options.level)} ORDER BY gebied_code`;
}

/**
 * SQL for a measure per wijk or buurt of a gemeente in one year, every area of the level listed (an
 * area without a published value comes back with NULL: suppressed, never 0 and never absent), and the
 * gemeente itself as the reference. For a count compared as a rate, each row carries the population
 * of its area (NULL when a band of it is suppressed); the rate itself is `areaRate`'s, in one place.
 */
export function breakdownSql(options: {
	measure: { table: MeasureTable; filter: Record<string, string> };
	basis: AreaBasis;
	gemeente: string;
	level: AreaLevel;
	year: number;
}): string {
	const { measure, basis, gemeente, level, year } = options;
	const table = TABLES[measure.table];
	const se = table.standardErrorColumn ? `t.${sqlIdent(table.standardErrorColumn)}` : 'NULL';
	const value = `CAST(t.${sqlIdent(table.valueColumn)} AS DOUBLE)`;
	const filters = Object.entries(measure.filter).map(([k, v]) => `AND t.${sqlIdent(k)} = ${sqlString(v)}`);
	const rate = basis.kind === 'rate';
	return [
		`SELECT g.gebied_code AS code, g.gebied_naam AS name, ${value} AS value, ${rate ? value : 'CAST(NULL AS DOUBLE)'} AS count,`,
		`  ${rate ? 'p.population' : 'CAST(NULL AS DOUBLE)'} AS population, CAST(${se} AS DOUBLE) AS standard_error`,
		`FROM gebieden g LEFT JOIN ${sqlIdent(table.name)} t`,
		`  ON t.gebied_code = g.gebied_code AND t.gemeente = g.gemeente AND CAST(t.jaar AS INTEGER) = ${Number(year)} ${filters.join(' ')}`,
		...(rate
			? [
					// complete only when every band is published: count(x) skips suppressed cells
					`LEFT JOIN (SELECT gebied_code, CASE WHEN count(inwoners) = ${basis.bands.length} THEN CAST(sum(inwoners) AS DOUBLE) END AS population FROM bevolking`,
					`  WHERE gemeente = ${sqlString(gemeente)} AND CAST(jaar AS INTEGER) = ${Number(year)} AND leeftijdsklasse IN (${basis.bands.map(sqlString).join(', ')}) GROUP BY gebied_code) p`,
					'  ON p.gebied_code = g.gebied_code'
				]
			: []),
		`WHERE g.gemeente = ${sqlString(gemeente)} AND g.gebied_niveau IN (${sqlString(level)}, 'gemeente')`,
		'ORDER BY g.gebied_code'
	].join('\n');
}
