import { error } from '@sveltejs/kit';
import { gemeentenDir } from '$lib/gemeente/registry';
import { buildProgrammeView } from '$lib/server/programme';
import { openSiteRelease, siteGemeenten } from '$lib/server/site';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One page per programme of every catalogue of every gemeente in the release. */
export const entries: EntryGenerator = () =>
	siteGemeenten().flatMap((g) =>
		g.catalogs.map((c) => ({ gemeente: g.code, jaar: String(c.budgetYear), nummer: c.programme.number }))
	);

/** Prerendered at build time: the page's SQL runs on native DuckDB over the published release. */
export const load: PageServerLoad = async ({ params }) => {
	const gemeente = siteGemeenten().find((g) => g.code === params.gemeente);
	const catalog = gemeente?.catalogs.find(
		(c) => String(c.budgetYear) === params.jaar && c.programme.number === params.nummer
	);
	if (!gemeente || !catalog)
		error(404, `Geen programma ${params.nummer} in begroting ${params.jaar} van ${params.gemeente}`);
	const { engine, manifest } = await openSiteRelease();
	try {
		return {
			view: await buildProgrammeView({ engine, catalog, manifest, gemeentenDir: gemeentenDir() }),
			division: manifest.gemeenten.find((g) => g.code === gemeente.code)?.division ?? null
		};
	} finally {
		engine.close();
	}
};
