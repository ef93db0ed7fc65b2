import { resolve } from 'node:path';
import { openRelease } from './duckdb-node';
import { loadReports, resolveReport, type ReportView } from './report';
import { ReportError } from '../reports/parse';

/** Resolves one report of `reports/` for a page (begroting variant, or a jaarverslag year). */
export async function reportPage(options: { name: string; year: number | null }): Promise<ReportView> {
	const source = loadReports({ reportsDir: resolve('reports') }).find((r) => r.name === options.name);
	if (!source) throw new ReportError(`onbekend rapport "${options.name}" in reports/`);
	const { engine, manifest } = await openRelease({ publishedDir: resolve('static/data') });
	try {
		return await resolveReport({
			source,
			engine,
			manifest,
			catalogDir: resolve('data/catalog'),
			referenceDir: resolve('data/reference'),
			year: options.year,
			today: new Date().toISOString().slice(0, 10)
		});
	} finally {
		engine.close();
	}
}
