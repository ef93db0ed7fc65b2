import { releaseReports, reportPage } from '$lib/server/report-page';
import { pdfPlan } from '$lib/reports/pdf';
import { hasChromium } from '$lib/chromium';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	releaseReports().map(({ gemeente, report }) => ({ gemeente: gemeente.code, naam: report.name }));

/** A report as the begroting presents it, with where each promise stands now. */
export const load: PageServerLoad = async ({ params }) => ({
	view: await reportPage({ gemeente: params.gemeente, name: params.naam, year: null }),
	pdf: pdfPlan({ env: process.env, chromium: hasChromium() })
});
