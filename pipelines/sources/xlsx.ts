import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FileSchema } from '../../src/lib/schemas/column';
import { PipelineError } from '../errors';

/** Excel's day 0 for serial dates (1900 date system, with Lotus's leap-year bug folded in). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const ddmmyyyy = (d: Date) =>
	`${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;

/** A cell as the text the CSV reader expects: dates as dd-mm-jjjj, numbers with a decimal comma. */
function cellText(value: ExcelJS.CellValue, dateColumn: boolean): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return ddmmyyyy(value);
	if (typeof value === 'number') {
		// A date column holding a bare number is an Excel serial date without a date format.
		if (dateColumn && Number.isInteger(value) && value > 0 && value < 2958466)
			return ddmmyyyy(new Date(EXCEL_EPOCH + value * 86_400_000));
		return String(value).replace('.', ',');
	}
	if (typeof value === 'boolean') return value ? 'ja' : 'nee';
	if (typeof value === 'object') {
		if ('result' in value) return cellText(value.result as ExcelJS.CellValue, dateColumn);
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('text' in value) return String(value.text);
		if ('error' in value) return String(value.error);
	}
	return String(value);
}

const csvCell = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * Converts the first worksheet of an XLSX export to a `;`-separated UTF-8 CSV that the CSV reader
 * checks like any other export. Row n of the sheet is line n of the CSV, so messages point at the
 * Excel row. Trailing empty rows are dropped; empty rows in between are kept (and reported).
 */
export async function xlsxToCsv(options: {
	path: string;
	file: string;
	schema: FileSchema;
}): Promise<{ csvPath: string; sheet: string }> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.readFile(options.path);
	} catch (cause) {
		throw new PipelineError(
			`${options.file}: het bestand kan niet als XLSX gelezen worden (${(cause as Error).message}); sla het opnieuw op als Excel-werkmap of lever CSV aan`,
			[],
			{ cause }
		);
	}
	const sheet = workbook.worksheets[0];
	if (!sheet || sheet.actualRowCount === 0)
		throw new PipelineError(`${options.file}: het werkblad is leeg: lever de export opnieuw aan`);
	const header = (sheet.getRow(1).values as ExcelJS.CellValue[])
		.slice(1)
		.map((v) => cellText(v, false).trim());
	const dateColumns = new Set(options.schema.columns.filter((c) => c.type === 'date').map((c) => c.name));
	const isDate = header.map((h) => dateColumns.has(h.toLowerCase()));
	const lines: string[] = [];
	for (let r = 1; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		lines.push(
			header.map((_, c) => csvCell(cellText(row.getCell(c + 1).value, r > 1 && isDate[c] === true))).join(';')
		);
	}
	while (lines.length > 1 && /^;*$/.test(lines[lines.length - 1]!)) lines.pop();
	const dir = await mkdtemp(join(tmpdir(), 'koers-xlsx-'));
	const csvPath = join(dir, `${basename(options.path, '.xlsx')}.csv`);
	await writeFile(csvPath, lines.join('\r\n') + '\r\n', { encoding: 'utf8', mode: 0o600 }); // owner-only
	return { csvPath, sheet: sheet.name };
}
