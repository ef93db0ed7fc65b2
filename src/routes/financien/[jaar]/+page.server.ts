import { resolve } from 'node:path';
import { error } from '@sveltejs/kit';
import { openRelease, readManifest } from '$lib/server/duckdb-node';
import { buildFinanceView, financeGemeente, loadFinanceSettings } from '$lib/server/finance';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One prerendered page per year with financial figures. */
export const entries: EntryGenerator = async () => {
	const manifest = readManifest(resolve('static/data'));
	if (!manifest.tables['baten_lasten']) return [];
	const { engine } = await openRelease({ publishedDir: resolve('static/data') });
	try {
		const years = await engine.query<{ jaar: number }>(
			'SELECT DISTINCT jaar FROM baten_lasten ORDER BY jaar'
		);
		return years.map((y) => ({ jaar: String(y.jaar) }));
	} finally {
		engine.close();
	}
};

export const load: PageServerLoad = async ({ params }) => {
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
		const year = Number(params.jaar);
		const yearView = view.byYear[year];
		if (!yearView) error(404, `Geen financiële gegevens voor ${params.jaar}`);
		return {
			gemeente,
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
