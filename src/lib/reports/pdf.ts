/**
 * Set by `npm run build` on its `vite build`: the report step that follows writes every report's PDF
 * into the build. Without it (a bare `vite build`, the test builds) no PDF is written.
 */
export const PDF_STEP_ENV = 'KOERS_REPORT_PDF';

/** A report variant: the begroting (year null) or the jaarverslag of a year. */
export interface ReportVariant {
	name: string;
	year: number | null;
}

/** The file name of a report variant's PDF, in `rapporten/<gemeente>/` of the build. */
export function pdfFileName(variant: ReportVariant): string {
	return `${variant.name}${variant.year === null ? '' : `-jaarverslag-${variant.year}`}.pdf`;
}

/** Whether this build writes report PDFs, and if not, why not (Dutch, for the report page). */
export type PdfPlan = { kind: 'written' } | { kind: 'missing'; reason: string };

/**
 * Decided once, before the pages are rendered, so a page links a PDF only when the build writes it:
 * the report step of `npm run build` then writes every linked PDF or fails the build, and the link
 * check of postbuild proves each link resolves.
 */
export function pdfPlan(options: { env: Record<string, string | undefined>; chromium: boolean }): PdfPlan {
	if (options.env[PDF_STEP_ENV] !== '1')
		return {
			kind: 'missing',
			reason: 'deze site is gebouwd zonder de PDF-stap (npm run build maakt de PDF-versies)'
		};
	if (!options.chromium)
		return {
			kind: 'missing',
			reason: 'daarvoor is Chromium nodig, en dat ontbrak op de computer die deze site bouwde'
		};
	return { kind: 'written' };
}
