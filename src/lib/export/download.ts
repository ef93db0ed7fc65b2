import { toDutchCsv } from './csv';
import type { ExportSource, ExportTable } from './table';
import { downloadName } from './table';
import { toXlsx } from './xlsx';

/** Offers bytes as a file download (browser only). */
export function saveFile(options: { name: string; type: string; data: BlobPart }): void {
	const url = URL.createObjectURL(new Blob([options.data], { type: options.type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = options.name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads tables as CSV (one table) or XLSX (one sheet each, plus "Bron"). */
export function downloadTables(options: {
	tables: ExportTable[];
	source: ExportSource;
	format: 'csv' | 'xlsx';
	/** which view of the page the tables are ("reeks", "per wijk 2024"), for the file name */
	view?: string;
}): void {
	const name = downloadName({ source: options.source, view: options.view, format: options.format });
	if (options.format === 'csv') {
		saveFile({ name, type: 'text/csv;charset=utf-8', data: toDutchCsv(options.tables[0]!) });
	} else {
		saveFile({
			name,
			type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			data: toXlsx({ tables: options.tables, source: options.source }) as Uint8Array<ArrayBuffer>
		});
	}
}
