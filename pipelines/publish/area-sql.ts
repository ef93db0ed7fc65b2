/** The area level of a GROUPING SETS row: the most detailed code that is present. */
export const AREA_LEVEL = `CASE WHEN buurtcode IS NOT NULL THEN 'buurt' WHEN wijkcode IS NOT NULL THEN 'wijk' ELSE 'gemeente' END`;

/** The area code of a GROUPING SETS row, the gemeente when both buurt and wijk are rolled up. */
export function areaCodeSql(gemeenteLiteral: string): string {
	return `coalesce(buurtcode, wijkcode, ${gemeenteLiteral})`;
}

/**
 * The grouping sets of one breakdown at every area level: buurt (with its wijk), wijk, gemeente.
 * Combine several inside one GROUPING SETS (…) clause, e.g. with and without a breakdown column.
 */
export function areaSets(dimensions: string[]): string {
	const d = dimensions.join(', ');
	return `(${d}, wijkcode, buurtcode), (${d}, wijkcode), (${d})`;
}
