/** One problem in an input file, located to the cell. */
export interface RowIssue {
	file: string;
	line: number | null;
	column: number | null;
	columnName: string | null;
	value: string | null;
	message: string;
	/** in an XML message: the element at fault (e.g. `StopProduct/Einddatum`), instead of a column */
	element?: string;
}

/** Formats an issue as `file regel 18, kolom 6 (startdatum): message`. */
export function formatIssue(issue: RowIssue): string {
	const where = [
		issue.line !== null ? `regel ${issue.line}` : null,
		issue.column !== null ? `kolom ${issue.column}${issue.columnName ? ` (${issue.columnName})` : ''}` : null,
		issue.element ? `element ${issue.element}` : null
	]
		.filter(Boolean)
		.join(', ');
	return `${issue.file}${where ? ` ${where}` : ''}: ${issue.message}`;
}

/** A pipeline run that cannot go on; keeps every issue and the cause. */
export class PipelineError extends Error {
	override name = 'PipelineError';
	constructor(
		message: string,
		readonly issues: RowIssue[] = [],
		options?: { cause?: unknown }
	) {
		super(message, options);
	}
}

/**
 * Refuses a whole delivery file: a PipelineError whose message and single issue name the file (and
 * the line, when there is one), for problems no quarantine can fix.
 */
export function refuseFile(file: string, message: string, line: number | null = null): never {
	const issue: RowIssue = { file, line, column: null, columnName: null, value: null, message };
	throw new PipelineError(`${file}${line !== null ? ` regel ${line}` : ''}: ${message}`, [issue]);
}
