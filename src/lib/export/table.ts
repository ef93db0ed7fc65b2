/** A table as it is downloaded: typed columns, so numbers stay numbers in Excel. */
export interface ExportTable {
	/** sheet name and file stem (Dutch) */
	name: string;
	columns: ExportColumn[];
	rows: Record<string, string | number | null>[];
}

/** One column: `integer` and `decimal` cells are written as numbers, `text` as text. */
interface ExportColumn {
	key: string;
	label: string;
	kind: 'text' | 'integer' | 'decimal';
	/** decimals shown for `decimal` (default 1) */
	decimals?: number;
}

/** Where the figures come from, written with every export (and "Voorbeelddata" for the sample). */
export interface ExportSource {
	title: string;
	source: string;
	dataDate: string;
	sample: boolean;
}

/** A file name from a title: lower case, dashes, and "voorbeelddata" for the sample. */
export function fileStem(options: { title: string; sample: boolean }): string {
	const stem = options.title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return options.sample ? `${stem}-voorbeelddata` : stem;
}

/**
 * The name of a downloaded file: the title, then which view it is ("reeks", "per wijk 2024"), so
 * downloads of one page can be told apart, then "voorbeelddata" for the sample.
 */
export function downloadName(options: {
	source: Pick<ExportSource, 'title' | 'sample'>;
	view?: string;
	format: 'csv' | 'xlsx';
}): string {
	const { source, view, format } = options;
	const title = view ? `${source.title} ${view}` : source.title;
	return `${fileStem({ title, sample: source.sample })}.${format}`;
}
