import { openSiteRelease, sitePublishedDir } from './site';
import { resolve } from 'node:path';
import { gemeenteByCode, gemeentenDir, releaseGemeenten } from '../gemeente/registry';
import type { Gemeente } from '../gemeente/types';
import type { ReportSource } from '../reports/parse';
import { ReportError } from '../reports/parse';
import { readManifest } from './duckdb-node';
import { resolveReport, type ReportView } from './report';

/** Every report of every gemeente in the release, with its gemeente. */
export function releaseReports(): { gemeente: Gemeente; report: ReportSource }[] {
	const manifest = readManifest(sitePublishedDir());
	return releaseGemeenten({ gemeentenDir: gemeentenDir(), manifest }).flatMap((gemeente) =>
		gemeente.reports.map((report) => ({ gemeente, report }))
	);
}

/** Resolves one report of a gemeente for a page (begroting variant, or a jaarverslag year). */
export async function reportPage(options: {
	gemeente: string;
	name: string;
	year: number | null;
}): Promise<ReportView> {
	const { engine, manifest } = await openSiteRelease();
	try {
		const dir = gemeentenDir();
		const gemeente = gemeenteByCode(releaseGemeenten({ gemeentenDir: dir, manifest }), options.gemeente);
		const source = gemeente.reports.find((r) => r.name === options.name);
		if (!source)
			throw new ReportError(`onbekend rapport "${options.name}" van ${gemeente.code} ${gemeente.name}`);
		return await resolveReport({
			source,
			engine,
			manifest,
			gemeente,
			gemeentenDir: dir,
			referenceDir: resolve('data/reference'),
			year: options.year,
			today: new Date().toISOString().slice(0, 10)
		});
	} finally {
		engine.close();
	}
}
