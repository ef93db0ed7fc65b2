import { TABLES, type MeasureTable } from '../measures/tables';

/**
 * What kind of figure an indicator is: a survey estimate (a sample, with a standard error, so a
 * difference may be chance) or a registration count (every case counted: no sampling error).
 */
export type MeasureKind = 'survey' | 'registration';

/** The kind of an indicator's figure, from the published table it is measured in. */
export function measureKind(options: { measure: { table: MeasureTable } | null }): MeasureKind {
	const table = options.measure?.table;
	return table && TABLES[table].standardErrorColumn !== null ? 'survey' : 'registration';
}
