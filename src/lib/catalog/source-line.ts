/**
 * The source line of a programme page. The streefdoelen come from the gemeente's begroting, but in
 * the sample the realisaties are generated: naming only the begroting would present synthetic
 * figures as the gemeente's own.
 */
export function programmeSourceLine(options: { catalogSource: string; sample: boolean }): string {
	const { catalogSource, sample } = options;
	return sample
		? `Bron: streefdoelen: ${catalogSource}; realisaties: Voorbeelddata, niet de cijfers van de gemeente.`
		: `Bron: ${catalogSource}.`;
}
