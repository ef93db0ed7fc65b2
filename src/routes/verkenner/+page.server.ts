import { releaseInfo } from '$lib/db/manifest';
import { openSiteRelease } from '$lib/server/site';
import { figureMarkup } from '$lib/charts/figure';
import { quickChart } from '$lib/charts/quick';
import { serverDocument } from '$lib/server/indicator-page';
import { TABLES } from '$lib/measures/tables';
import { EXAMPLE_SQL, runReadingQuery } from '$lib/explorer/guard';
import type { PageServerLoad } from './$types';

/** The published tables with their columns and meaning, and the example's result. */
export const load: PageServerLoad = async () => {
	const { engine, manifest } = await openSiteRelease();
	try {
		const tables = Object.entries(manifest.tables).map(([name, t]) => {
			const described = (TABLES as Record<string, { title: string; columns: Record<string, string> }>)[name];
			return {
				name,
				title: described?.title ?? name,
				rows: t.rows,
				columns: t.columns.map((c) => ({
					name: c.name,
					type: c.type,
					about: described?.columns[c.name] ?? ''
				}))
			};
		});
		// The example runs through the same guard as a reader's query in the browser.
		const outcome = await runReadingQuery(engine, EXAMPLE_SQL);
		if (!('rows' in outcome))
			throw new Error(`the explorer's example did not run: ${JSON.stringify(outcome)}`);
		const { rows } = outcome;
		const chart = quickChart({ rows, document: serverDocument() });
		return {
			tables,
			example: { sql: EXAMPLE_SQL, rows, chart: chart ? figureMarkup(chart) : null },
			release: releaseInfo(manifest),
			cbs: manifest.cbs ?? null
		};
	} finally {
		engine.close();
	}
};
