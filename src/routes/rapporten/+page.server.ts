import { resolve } from 'node:path';
import { loadReports } from '$lib/server/report';
import { reportPage } from '$lib/server/report-page';
import type { PageServerLoad } from './$types';

/** Every report with its jaarverslag years. */
export const load: PageServerLoad = async () => {
	const reports = [];
	for (const r of loadReports({ reportsDir: resolve('reports') })) {
		const view = await reportPage({ name: r.name, year: null });
		reports.push({ name: r.name, title: r.title, years: view.years });
	}
	const first = reports.length > 0 ? await reportPage({ name: reports[0]!.name, year: null }) : null;
	return { reports, sample: first?.release.sample ?? true };
};
