/**
 * Whether a figure for `year` is voorlopig (provisional) on the delivery date: registrations and the
 * jaarrekening are settled half a year after the period ends. A stand on 1 January (peildatum) ends
 * its period on that day; a calendar year at its end.
 */
export function isProvisional(options: { year: number; dataDate: string; peildatum: boolean }): boolean {
	const settled = options.peildatum ? `${options.year}-07-01` : `${options.year + 1}-07-01`;
	return options.dataDate < settled;
}
