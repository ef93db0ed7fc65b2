import { resolve } from 'node:path';
import { gemeenteByCode, gemeentenDir } from '../gemeente/registry';
import type { Gemeente } from '../gemeente/types';
import { ReportError, type ReportSource } from '../reports/parse';
import { resolveReport, type ReportView } from './report';
import { openSiteRelease, siteGemeenten } from './site';

/** Every report of every gemeente in the release, with its gemeente. */
export function releaseReports(): { gemeente: Gemeente; report: ReportSource }[] {
	return siteGemeenten().flatMap((gemeente) => gemeente.reports.map((report) => ({ gemeente, report })));
}

/** Resolves one report of a gemeente for a page (begroting variant, or a jaarverslag year). */
export async function reportPage(options: {
	gemeente: string;
	name: string;
	year: number | null;
}): Promise<ReportView> {
	const gemeente = gemeenteByCode(siteGemeenten(), options.gemeente);
	const source = gemeente.reports.find((r) => r.name === options.name);
	if (!source)
		throw new ReportError(`onbekend rapport "${options.name}" van ${gemeente.code} ${gemeente.name}`);
	const { engine, manifest } = await openSiteRelease();
	try {
		return await resolveReport({
			source,
			engine,
			manifest,
			gemeente,
			gemeentenDir: gemeentenDir(),
			referenceDir: resolve('data/reference'),
			year: options.year,
			today: new Date().toISOString().slice(0, 10)
		});
	} finally {
		engine.close();
	}
}
