import { openSiteRelease } from '$lib/server/site';
import { figureMarkup } from '$lib/charts/figure';
import { quickChart } from '$lib/charts/quick';
import { serverDocument } from '$lib/server/indicator-page';
import { TABLES } from '$lib/measures/tables';
import { EXAMPLE_SQL } from '$lib/explorer/guard';
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
		const rows = await engine.query(EXAMPLE_SQL);
		const chart = quickChart({ rows, document: serverDocument() });
		return {
			tables,
			example: { sql: EXAMPLE_SQL, rows, chart: chart ? figureMarkup(chart) : null },
			release: { release: manifest.release, sample: manifest.sample, dataDate: manifest.dataDate }
		};
	} finally {
		engine.close();
	}
};
