import { sqlString } from '../db/query';
import { BBV_INDICATORS, bbvSql, type BbvIndicator } from './bbv';
import type { Unit } from '../format';
import { areaBasis, areaUnit, areaUnitText, type AreaBasis } from './area-rate';
import { breakdownSql, observationsSql } from './sql';
import type { MeasureTable } from './tables';
import { AREA_LEVELS, type AreaLevel } from '../gemeente/types';

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
	const indicator = bbvIndicator(spec.indicator);
	// The area's level comes from the data (its rows in gebieden), not from the shape of its code.
	const ratios =
		area === gemeente
			? bbvSql({ indicator, level: 'gemeente', gemeente })
			: AREA_LEVELS.map((level) => `SELECT * FROM (${bbvSql({ indicator, level, gemeente })})`).join(
					' UNION ALL '
				);
	return `SELECT year, value, CAST(NULL AS DOUBLE) AS standard_error FROM (${ratios}) WHERE gebied_code = ${sqlString(area)} ORDER BY year`;
}

/** How a spec's areas are compared (a count of a measure table as a rate; see `areaBasis`). */
function specBasis(options: { spec: MeasureSpec; unit: Unit }): AreaBasis {
	const { spec, unit } = options;
	return areaBasis({ table: spec.kind === 'table' ? spec.table : null, unit });
}

/**
 * How a spec's areas are shown side by side: the basis, the unit of the compared value and it in
 * words (a rate's, or a BBV ratio's; null for the indicator's own), and whether a count stands beside.
 */
export function specComparison(options: { spec: MeasureSpec; unit: Unit }): {
	basis: AreaBasis;
	unit: Unit;
	unitText: string | null;
	counts: boolean;
} {
	const { spec } = options;
	const basis = specBasis(options);
	return {
		basis,
		unit: areaUnit({ basis, unit: options.unit }),
		unitText: areaUnitText(basis) ?? (spec.kind === 'bbv' ? bbvIndicator(spec.indicator).unit : null),
		counts: basis.kind === 'rate' || spec.kind === 'bbv'
	};
}

/**
 * SQL for a measure per wijk or buurt in one year, and the gemeente as reference (`AreaQueryRow`):
 * every area listed, suppressed cells as NULL. A BBV ratio is compared as it is, its numerator beside.
 */
export function specBreakdownSql(options: {
	spec: MeasureSpec;
	unit: Unit;
	gemeente: string;
	level: AreaLevel;
	year: number;
}): string {
	const { spec, gemeente, level, year } = options;
	if (spec.kind === 'table')
		return breakdownSql({ measure: spec, basis: specBasis(options), gemeente, level, year });
	const indicator = bbvIndicator(spec.indicator);
	const ratios = (l: 'gemeente' | AreaLevel) =>
		`SELECT * FROM (${bbvSql({ indicator, level: l, gemeente })})`;
	return [
		'SELECT g.gebied_code AS code, g.gebied_naam AS name, b.value, b.numerator AS count, CAST(NULL AS DOUBLE) AS population, CAST(NULL AS DOUBLE) AS standard_error',
		`FROM gebieden g LEFT JOIN (${ratios(level)} UNION ALL ${ratios('gemeente')}) b`,
		`  ON b.gebied_code = g.gebied_code AND b.year = ${Number(year)}`,
		`WHERE g.gemeente = ${sqlString(gemeente)} AND g.gebied_niveau IN (${sqlString(level)}, 'gemeente')`,
		'ORDER BY g.gebied_code'
	].join('\n');
}

/** The tables a spec reads (the browser loads only these). */
export function specTables(spec: MeasureSpec): string[] {
	return spec.kind === 'table'
		? [spec.table, 'gebieden']
		: [bbvIndicator(spec.indicator).numerator.table, 'bevolking', 'gebieden'];
}
