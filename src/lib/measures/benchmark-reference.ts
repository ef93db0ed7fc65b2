/**
 * What the benchmark's national column is called. "Nederland" only for CBS's own figure for
 * Nederland; without it the column sums the gemeenten of the release, and says so with their number,
 * so a sum over two gemeenten is never read as a national figure.
 */
export function referenceLabel(options: { nederland: boolean; gemeenten: number }): string {
	return options.nederland ? 'Nederland' : `Alle gemeenten in deze release (${options.gemeenten})`;
}

/** How the reference was computed, in a sentence for the note under the table. */
export function referenceNote(options: { nederland: boolean }): string {
	return options.nederland
		? 'Nederland is het cijfer van CBS zelf.'
		: 'Er is geen cijfer van CBS voor Nederland: de kolom telt de tellers en noemers van alle gemeenten in deze release op. Dat is geen landelijk cijfer.';
}
