import { resolve } from 'node:path';
import { error } from '@sveltejs/kit';
import { buildFinanceView, financeYears, loadFinanceSettings } from '$lib/server/finance';
import { openSiteRelease, siteGemeenten } from '$lib/server/site';
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
	const gemeente = siteGemeenten().find((g) => g.code === params.gemeente);
	if (!gemeente) error(404, `Gemeente ${params.gemeente} staat niet in deze gegevens`);
	const { engine, manifest } = await openSiteRelease();
	try {
		const view = await buildFinanceView({
			engine,
			manifest,
			gemeente,
			settings: loadFinanceSettings({ gemeente }),
			referenceDir: resolve('data/reference')
		});
		const year = Number(params.jaar);
		const yearView = view.byYear[year];
		if (!yearView) error(404, `Geen financiële gegevens van ${gemeente.name} voor ${params.jaar}`);
		return {
			gemeente: { code: gemeente.code, name: gemeente.name },
			years: view.years,
			settings: view.settings,
			view: yearView,
			iv3Series: view.iv3Series,
			release: view.release
		};
	} finally {
		engine.close();
	}
};
