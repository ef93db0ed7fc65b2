import { sqlString } from '../db/query';
import { BBV_INDICATORS, bbvSql, type BbvIndicator } from './bbv';
import { breakdownSql, observationsSql } from './sql';
import type { MeasureTable } from './tables';

/** What gives an indicator's realisatie: a published measure, or a BBV ratio over the population. */
export type MeasureSpec =
	{ kind: 'table'; table: MeasureTable; filter: Record<string, string> } | { kind: 'bbv'; indicator: string };

/** The BBV indicator of a spec (throws for an unknown id: the spec comes from code, not from users). */
export function bbvIndicator(id: string): BbvIndicator {
	const found = BBV_INDICATORS.find((b) => b.id === id);
	if (!found) throw new Error(`unknown BBV indicator "${id}"`);
	return found;
}

/** SQL for the trend of a measure in one area (year, value, standard_error), on either engine. */
export function trendSql(options: { spec: MeasureSpec; gemeente: string; area: string }): string {
	const { spec, gemeente, area } = options;
	if (spec.kind === 'table')
		return observationsSql({ measure: { table: spec.table, filter: spec.filter }, gemeente, area });
	const level = area === gemeente ? 'gemeente' : area.startsWith('WK') ? 'wijk' : 'buurt';
	return `SELECT year, value, CAST(NULL AS DOUBLE) AS standard_error FROM (${bbvSql({ indicator: bbvIndicator(spec.indicator), level, gemeente })}) WHERE gebied_code = ${sqlString(area)} ORDER BY year`;
}

/** SQL for a measure per wijk or buurt in one year: every area listed, suppressed cells as NULL. */
export function areaSql(options: {
	spec: MeasureSpec;
	gemeente: string;
	level: 'wijk' | 'buurt';
	year: number;
}): string {
	const { spec, gemeente, level, year } = options;
	if (spec.kind === 'table') return breakdownSql({ measure: spec, gemeente, level, year });
	return [
		'SELECT g.gebied_code AS code, g.gebied_naam AS name, b.value, CAST(NULL AS DOUBLE) AS standard_error',
		`FROM gebieden g LEFT JOIN (${bbvSql({ indicator: bbvIndicator(spec.indicator), level, gemeente })}) b`,
		`  ON b.gebied_code = g.gebied_code AND b.year = ${Number(year)}`,
		`WHERE g.gemeente = ${sqlString(gemeente)} AND g.gebied_niveau = ${sqlString(level)}`,
		'ORDER BY g.gebied_code'
	].join('\n');
}

/** The tables a spec reads (the browser loads only these). */
export function specTables(spec: MeasureSpec): string[] {
	return spec.kind === 'table'
		? [spec.table, 'gebieden']
		: [bbvIndicator(spec.indicator).numerator.table, 'bevolking', 'gebieden'];
}
