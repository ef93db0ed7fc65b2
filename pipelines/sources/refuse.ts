import { formatIssue, PipelineError, type RowIssue } from '../errors';

/** How many problems a refusal lists (the quarantine report has them all). */
export const MAX_LISTED = 20;

/**
 * Refuses a delivered file for the problems found in its rows: a {@link PipelineError} with a headline
 * (by default how many problems were found), the first {@link MAX_LISTED} problems by file, line and
 * column, and what to do. A problem with the file as a whole is errors.ts's refuseFile.
 */
export function refuseRows(
	file: string,
	issues: RowIssue[],
	total = issues.length,
	headline?: string
): never {
	const listed = issues.slice(0, MAX_LISTED).map((i) => `  - ${formatIssue(i)}`);
	const more = total > MAX_LISTED ? [`  … en nog ${total - MAX_LISTED} andere problemen`] : [];
	throw new PipelineError(
		[
			headline ??
				`${file}: ${total} ${total === 1 ? 'probleem' : 'problemen'} gevonden; er is niets gepubliceerd.`,
			...listed,
			...more,
			'Corrigeer de export en draai de pipeline opnieuw; zie docs/aanleverformaat.md.'
		].join('\n'),
		issues
	);
}

/** A problem with the file as a whole (or one line of it), not with a cell. */
export function fileIssue(file: string, line: number | null, message: string): RowIssue {
	return { file, line, column: null, columnName: null, value: null, message };
}
