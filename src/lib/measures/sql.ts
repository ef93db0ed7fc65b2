import { sqlIdent, sqlString } from '../db/query';
import { TABLES, type MeasureTable } from './tables';

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
export function areasSql(options: { gemeente: string; level: 'wijk' | 'buurt' }): string {
	return `SELECT gebied_code AS code, gebied_naam AS name FROM gebieden WHERE gemeente = ${sqlString(options.gemeente)} AND gebied_niveau = ${sqlString(options.level)} ORDER BY gebied_code`;
}

/**
 * SQL for a measure per wijk or buurt of a gemeente in one year, every area of the level listed
 * (an area without a published value comes back with NULL: suppressed, never 0 and never absent).
 */
export function breakdownSql(options: {
	measure: { table: MeasureTable; filter: Record<string, string> };
	gemeente: string;
	level: 'wijk' | 'buurt';
	year: number;
}): string {
	const { measure, gemeente, level, year } = options;
	const table = TABLES[measure.table];
	const se = table.standardErrorColumn ? `t.${sqlIdent(table.standardErrorColumn)}` : 'NULL';
	const filters = Object.entries(measure.filter).map(([k, v]) => `AND t.${sqlIdent(k)} = ${sqlString(v)}`);
	return [
		`SELECT g.gebied_code AS code, g.gebied_naam AS name, CAST(t.${sqlIdent(table.valueColumn)} AS DOUBLE) AS value, CAST(${se} AS DOUBLE) AS standard_error`,
		`FROM gebieden g LEFT JOIN ${sqlIdent(table.name)} t`,
		`  ON t.gebied_code = g.gebied_code AND t.gemeente = g.gemeente AND CAST(t.jaar AS INTEGER) = ${Number(year)} ${filters.join(' ')}`,
		`WHERE g.gemeente = ${sqlString(gemeente)} AND g.gebied_niveau = ${sqlString(level)}`,
		'ORDER BY g.gebied_code'
	].join('\n');
}
