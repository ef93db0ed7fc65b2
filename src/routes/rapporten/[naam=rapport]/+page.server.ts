import { resolve } from 'node:path';
import { loadReports } from '$lib/server/report';
import { reportPage } from '$lib/server/report-page';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	loadReports({ reportsDir: resolve('reports') }).map((r) => ({ naam: r.name }));

/** A report as the begroting presents it, with where each promise stands now. */
export const load: PageServerLoad = async ({ params }) => ({
	view: await reportPage({ name: params.naam, year: null })
});
