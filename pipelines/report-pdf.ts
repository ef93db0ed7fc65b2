import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { launchChromium } from './chromium';
import { PipelineError } from './errors';
import { serve } from './serve';

/** One PDF to render: a report, in its begroting variant (year null) or as the jaarverslag of a year. */
export interface PdfTarget {
	gemeente: string;
	name: string;
	year: number | null;
}

/** The file name of a report's PDF (inside the gemeente's folder of the build). */
function pdfName(target: PdfTarget): string {
	return `${target.name}${target.year === null ? '' : `-jaarverslag-${target.year}`}.pdf`;
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
			const file = join(options.outDir, `${target.gemeente}-${pdfName(target)}`);
			await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
			if (options.copyIntoBuild)
				await copyFile(file, join(options.buildDir, 'rapporten', target.gemeente, pdfName(target)));
			out.push({ file, ms: performance.now() - t0 });
		}
	} finally {
		await browser.close();
		await new Promise<void>((r) => server.close(() => r()));
	}
	return out;
}
