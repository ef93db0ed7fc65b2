import { releaseReports, reportPage } from '$lib/server/report-page';
import { pdfPlan } from '$lib/reports/pdf';
import { hasChromium } from '$lib/chromium';
import type { EntryGenerator, PageServerLoad } from './$types';

/** A jaarverslag page for every year with data, of every report that offers one. */
export const entries: EntryGenerator = async () => {
	const out: { gemeente: string; naam: string; jaar: string }[] = [];
	for (const { gemeente, report } of releaseReports()) {
		if (!report.annual) continue;
		const view = await reportPage({ gemeente: gemeente.code, name: report.name, year: null });
		for (const y of view.years) out.push({ gemeente: gemeente.code, naam: report.name, jaar: String(y) });
	}
	return out;
};

/** The jaarverslag variant: realisatie and status as they stood at the end of the year. */
export const load: PageServerLoad = async ({ params }) => ({
	view: await reportPage({ gemeente: params.gemeente, name: params.naam, year: Number(params.jaar) }),
	pdf: pdfPlan({ env: process.env, chromium: hasChromium() })
});
