import { formatNumber, formatYear } from '../format';

type Cell = string | number | boolean | null;

/** How a column of a query result is shown and downloaded. */
export type ColumnKind = 'text' | 'year' | 'integer' | 'decimal';

/** A column name that says it holds years: jaar, year, begrotingsjaar, year(datum), peiljaar_start … */
const YEAR_NAME = /jaar|year/i;

/**
 * The kind of a result column, decided on its values and name. Years never get a thousands
 * separator (nl-NL would print 2.013): a whole-number column is a year column when its name says
 * so (jaar, year, begrotingsjaar, …). A count of 2.013 clients keeps its separator, so a
 * number alone never makes a year; a column of names, codes or mixed values is text.
 */
export function columnKind(options: { name: string; rows: Record<string, Cell>[] }): ColumnKind {
	const values = options.rows.map((r) => r[options.name] ?? null).filter((v) => v !== null);
	if (values.length === 0 || !values.every((v) => typeof v === 'number')) return 'text';
	if (!values.every((v) => Number.isInteger(v))) return 'decimal';
	return YEAR_NAME.test(options.name) ? 'year' : 'integer';
}

/** A cell as the explorer's table shows it (nl-NL numbers, years as written, NULL as a dash). */
export function formatCell(options: { value: Cell; kind: ColumnKind }): string {
	const { value, kind } = options;
	if (value === null) return '–';
	if (typeof value !== 'number') return String(value);
	switch (kind) {
		case 'year':
			return formatYear(value);
		case 'integer':
			return formatNumber(value, { decimals: 0 });
		case 'decimal':
			return formatNumber(value, { decimals: 2 });
		case 'text':
			// A number in a mixed column: whole numbers whole, others with two decimals.
			return formatNumber(value, { decimals: Number.isInteger(value) ? 0 : 2 });
	}
}
