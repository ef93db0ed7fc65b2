import { error } from '@sveltejs/kit';
import { financeYears } from '$lib/finance/view';
import { openSiteRelease, siteFinanceView } from '$lib/server/site';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One prerendered page per gemeente and year with financial figures. */
export const entries: EntryGenerator = async () => {
	const { engine, manifest } = await openSiteRelease();
	try {
		return [...(await financeYears({ engine, manifest }))].flatMap(([gemeente, years]) =>
			years.map((y) => ({ gemeente, jaar: String(y) }))
		);
	} finally {
		engine.close();
	}
};

export const load: PageServerLoad = async ({ params }) => {
	const view = await siteFinanceView(params.gemeente);
	if (!view) error(404, `Geen financiële gegevens van ${params.gemeente} in deze gegevens`);
	const yearView = view.byYear[Number(params.jaar)];
	if (!yearView) error(404, `Geen financiële gegevens van ${view.gemeente.name} voor ${params.jaar}`);
	return {
		gemeente: view.gemeente,
		years: view.years,
		settings: view.settings,
		view: yearView,
		iv3Series: view.iv3Series,
		release: view.release
	};
};
