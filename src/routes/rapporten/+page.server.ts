import { releaseReports, reportPage } from '$lib/server/report-page';
import { siteManifest } from '$lib/server/site';
import type { PageServerLoad } from './$types';

/** Every report of every gemeente in the release, with its jaarverslag years. */
export const load: PageServerLoad = async () => {
	const reports = [];
	for (const { gemeente, report } of releaseReports()) {
		const view = await reportPage({ gemeente: gemeente.code, name: report.name, year: null });
		reports.push({
			gemeente: { code: gemeente.code, name: gemeente.name },
			name: report.name,
			title: report.title,
			years: view.years
		});
	}
	return { reports, sample: siteManifest().sample };
};
