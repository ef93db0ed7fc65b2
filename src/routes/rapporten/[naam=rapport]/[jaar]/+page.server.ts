import { resolve } from 'node:path';
import { loadReports } from '$lib/server/report';
import { reportPage } from '$lib/server/report-page';
import type { EntryGenerator, PageServerLoad } from './$types';

/** A jaarverslag page for every year with data, of every report that offers one. */
export const entries: EntryGenerator = async () => {
	const out: { naam: string; jaar: string }[] = [];
	for (const r of loadReports({ reportsDir: resolve('reports') })) {
		if (!r.annual) continue;
		const view = await reportPage({ name: r.name, year: null });
		for (const y of view.years) out.push({ naam: r.name, jaar: String(y) });
	}
	return out;
};

/** The jaarverslag variant: realisatie and status as they stood at the end of the year. */
export const load: PageServerLoad = async ({ params }) => ({
	view: await reportPage({ name: params.naam, year: Number(params.jaar) })
});
