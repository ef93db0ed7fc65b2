import type { ExportTable } from './table';

/**
 * CSV for Dutch Excel: `;` between cells, a decimal comma, no thousands separators (so Excel reads
 * numbers as numbers), a byte order mark so Excel reads UTF-8, and CRLF line ends.
 */
export function toDutchCsv(table: ExportTable): string {
	const cell = (value: string | number | null, kind: ExportTable['columns'][number]['kind']): string => {
		if (value === null || value === undefined) return '';
		if (typeof value === 'number' && kind !== 'text') return String(value).replace('.', ',');
		const text = String(value);
		return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
	};
	const lines = [
		table.columns.map((c) => cell(c.label, 'text')).join(';'),
		...table.rows.map((row) => table.columns.map((c) => cell(row[c.key] ?? null, c.kind)).join(';'))
	];
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
