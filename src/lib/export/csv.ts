import type { ExportTable } from './table';

/** Text Excel would run as a formula (OWASP "CSV injection"): =, +, -, @, tab or carriage return first. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * CSV for Dutch Excel: `;` between cells, a decimal comma, no thousands separators (so Excel reads
 * numbers as numbers), a byte order mark so Excel reads UTF-8, and CRLF line ends. Decimal cells
 * get the column's decimals; text that Excel would run as a formula is prefixed with `'` and stays
 * text (numbers stay numbers).
 */
export function toDutchCsv(table: ExportTable): string {
	const cell = (
		value: string | number | null,
		column: Pick<ExportTable['columns'][number], 'kind' | 'decimals'>
	): string => {
		if (value === null || value === undefined) return '';
		if (typeof value === 'number' && column.kind === 'decimal')
			return value.toFixed(column.decimals ?? 1).replace('.', ',');
		if (typeof value === 'number' && column.kind === 'integer') return String(value).replace('.', ',');
		const raw = String(value);
		const text = FORMULA.test(raw) ? `'${raw}` : raw;
		return /[;"\r\n]/.test(text) || text !== raw ? `"${text.replaceAll('"', '""')}"` : text;
	};
	const lines = [
		table.columns.map((c) => cell(c.label, { kind: 'text' })).join(';'),
		...table.rows.map((row) => table.columns.map((c) => cell(row[c.key] ?? null, c)).join(';'))
	];
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
