import { resolve } from 'node:path';
import { error } from '@sveltejs/kit';
import { openRelease } from '$lib/server/duckdb-node';
import { buildFinanceView, financeGemeente, loadFinanceSettings } from '$lib/server/finance';
import type { PageServerLoad } from './$types';

/** The years with financial figures and how each reconciles, prerendered. */
export const load: PageServerLoad = async () => {
	const { engine, manifest } = await openRelease({ publishedDir: resolve('static/data') });
	try {
		const gemeente = await financeGemeente({ engine, manifest });
		if (!gemeente) error(404, 'Er zijn geen financiële gegevens aangeleverd.');
		const settings = loadFinanceSettings({ catalogDir: resolve('data/catalog'), gemeente: gemeente.code });
		const view = await buildFinanceView({
			engine,
			manifest,
			gemeente,
			settings,
			referenceDir: resolve('data/reference')
		});
		return {
			gemeente,
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
