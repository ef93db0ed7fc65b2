import { error } from '@sveltejs/kit';
import { deviations, deviationSummary } from '$lib/finance/deviations';
import { financeYears } from '$lib/finance/view';
import { openSiteRelease, siteFinanceView } from '$lib/server/site';
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
	const view = await siteFinanceView(params.gemeente);
	if (!view) error(404, `Geen financiële gegevens van ${params.gemeente} in deze gegevens`);
	return {
		gemeente: view.gemeente,
		release: view.release,
		years: view.years.map((year) => {
			const y = view.byYear[year]!;
			const deviated = deviationSummary({ deviations: deviations({ variances: y.variances }) });
			return {
				year,
				checks: y.reconciliation.checks.length,
				failed: y.reconciliation.checks.filter((c) => !c.passed).length,
				flagged: deviated.count,
				unexplained: deviated.unexplained
			};
		})
	};
};
