/**
 * What the start page says a gemeente holds, in brackets after its name. A gemeente without
 * programmes still has its BBV-beleidsindicatoren (every gemeente in a release has them); "0
 * programma's" alone would read as an empty or broken gemeente.
 */
export function gemeenteContents(options: { programmes: number; finance: boolean }): string {
	const { programmes, finance } = options;
	const parts = [
		programmes === 0
			? "geen programma's, alleen BBV-beleidsindicatoren"
			: programmes === 1
				? '1 programma'
				: `${programmes} programma's`
	];
	if (finance) parts.push('financiën');
	return parts.join(', ');
}
