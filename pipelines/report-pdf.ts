import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pdfFileName, type ReportVariant } from '../src/lib/reports/pdf';
import { launchChromium } from './chromium';
import { PipelineError } from './errors';
import { serve } from './serve';

/** One PDF to render: a report, in its begroting variant (year null) or as the jaarverslag of a year. */
export interface PdfTarget extends ReportVariant {
	gemeente: string;
}

/**
 * Every variant of a report that the build holds as a page: the begroting and each jaarverslag
 * year. The report page links exactly these PDFs, so `--build` renders exactly these.
 */
export function builtVariants(options: { buildDir: string; gemeente: string; name: string }): PdfTarget[] {
	const folder = join(options.buildDir, 'rapporten', options.gemeente);
	const annual = join(folder, options.name);
	const years = existsSync(annual)
		? readdirSync(annual)
				.flatMap((f) => /^(\d{4})\.html$/.exec(f)?.[1] ?? [])
				.map(Number)
				.sort((a, b) => a - b)
		: [];
	const base = { gemeente: options.gemeente, name: options.name };
	return [
		...(existsSync(join(folder, `${options.name}.html`)) ? [{ ...base, year: null }] : []),
		...years.map((year) => ({ ...base, year }))
	];
}

/**
 * Renders report pages of the built site to PDF with headless Chromium (A4, the print stylesheet:
 * page breaks between doelen, page numbers), into `outDir` and, when given, into the build so the
 * report page's download link serves the same file. Returns the milliseconds per PDF.
 */
export async function renderReportPdfs(options: {
	buildDir: string;
	targets: PdfTarget[];
	outDir: string;
	copyIntoBuild: boolean;
}): Promise<{ file: string; ms: number }[]> {
	if (!existsSync(join(options.buildDir, 'index.html')))
		throw new PipelineError(`geen gebouwde site in ${options.buildDir}: draai eerst "npm run build"`);
	await mkdir(options.outDir, { recursive: true });
	const server = await serve({ dir: options.buildDir, port: 0, quiet: true });
	const { port } = server.address() as AddressInfo;
	const browser = await launchChromium();
	const out: { file: string; ms: number }[] = [];
	try {
		const page = await browser.newPage();
		for (const target of options.targets) {
			const t0 = performance.now();
			const path = `/rapporten/${target.gemeente}/${target.name}${target.year === null ? '' : `/${target.year}`}`;
			const response = await page.goto(`http://localhost:${port}${path}`, { waitUntil: 'load' });
			if (!response?.ok())
				throw new PipelineError(`rapport ${path} bestaat niet in de build (${response?.status()})`);
			const file = join(options.outDir, `${target.gemeente}-${pdfFileName(target)}`);
			await page.pdf({
				path: file,
				format: 'A4',
				printBackground: true,
				preferCSSPageSize: true,
				// Headings and reading order in the PDF for assistive technology (not checked against PDF/UA).
				tagged: true,
				outline: true
			});
			if (options.copyIntoBuild)
				await copyFile(file, join(options.buildDir, 'rapporten', target.gemeente, pdfFileName(target)));
			out.push({ file, ms: performance.now() - t0 });
		}
	} finally {
		await browser.close();
		await new Promise<void>((r) => server.close(() => r()));
	}
	return out;
}
