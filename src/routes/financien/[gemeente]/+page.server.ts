import { resolve } from 'node:path';
import { error } from '@sveltejs/kit';
import { buildFinanceView, financeYears, loadFinanceSettings } from '$lib/server/finance';
import { openSiteRelease, siteGemeenten } from '$lib/server/site';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One page per gemeente with a ledger in the release. */
export const entries: EntryGenerator = async () => {
	const { engine, manifest } = await openSiteRelease();
	try {
		return [...(await financeYears({ engine, manifest })).keys()].map((gemeente) => ({ gemeente }));
	} finally {
		engine.close();
	}
};

/** The years with financial figures of one gemeente and how each reconciles, prerendered. */
export const load: PageServerLoad = async ({ params }) => {
	const gemeente = siteGemeenten().find((g) => g.code === params.gemeente);
	if (!gemeente) error(404, `Gemeente ${params.gemeente} staat niet in deze gegevens`);
	const { engine, manifest } = await openSiteRelease();
	try {
		if (!(await financeYears({ engine, manifest })).has(gemeente.code))
			error(404, `Er zijn geen financiële gegevens van ${gemeente.name} aangeleverd.`);
		const view = await buildFinanceView({
			engine,
			manifest,
			gemeente,
			settings: loadFinanceSettings({ gemeente }),
			referenceDir: resolve('data/reference')
		});
		return {
			gemeente: { code: gemeente.code, name: gemeente.name },
			release: view.release,
			years: view.years.map((year) => {
				const y = view.byYear[year]!;
				return {
					year,
					checks: y.reconciliation.checks.length,
					failed: y.reconciliation.checks.filter((c) => !c.passed).length,
					flagged: y.variances.filter((v) => v.flagged).length,
					unexplained: y.variances.filter((v) => v.flagged && !v.explanation).length
				};
			})
		};
	} finally {
		engine.close();
	}
};
