import { releaseInfo } from '$lib/db/manifest';
import { error } from '@sveltejs/kit';
import { financeYears } from '$lib/finance/view';
import { gemeenteHome, openSiteRelease, siteGemeenten } from '$lib/server/site';
import { gemeentenDir } from '$lib/gemeente/registry';
import { loadIndicators } from '$lib/server/indicators';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One start page per gemeente in the release. */
export const entries: EntryGenerator = () => siteGemeenten().map((g) => ({ gemeente: g.code }));

export const load: PageServerLoad = async ({ params }) => {
	const gemeente = siteGemeenten().find((g) => g.code === params.gemeente);
	if (!gemeente) error(404, `Gemeente ${params.gemeente} staat niet in deze gegevens`);
	const { engine, manifest } = await openSiteRelease();
	try {
		const finance = await financeYears({ engine, manifest });
		return {
			home: gemeenteHome({
				gemeente,
				finance: finance.has(gemeente.code),
				entries: await loadIndicators({ engine, manifest, gemeentenDir: gemeentenDir() })
			}),
			release: releaseInfo(manifest)
		};
	} finally {
		engine.close();
	}
};
