import { releaseInfo } from '$lib/db/manifest';
import { financeYears } from '$lib/finance/view';
import { gemeenteHome, openSiteRelease, siteGemeenten } from '$lib/server/site';
import { realGemeenten } from '$lib/server/real-figures';
import { gemeentenDir } from '$lib/gemeente/registry';
import { loadIndicators } from '$lib/server/indicators';
import type { PageServerLoad } from './$types';

/** The start page: one gemeente opens on its programmes; several open on a choice of gemeente. */
export const load: PageServerLoad = async () => {
	const { engine, manifest } = await openSiteRelease();
	try {
		const finance = await financeYears({ engine, manifest });
		const entries = await loadIndicators({ engine, manifest, gemeentenDir: gemeentenDir() });
		return {
			// A choice of gemeente reads in alphabetical order.
			gemeenten: siteGemeenten()
				.map((g) => gemeenteHome({ gemeente: g, finance: finance.has(g.code), entries }))
				.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
			release: releaseInfo(manifest),
			// Real figures published as a release of their own: linked, never mixed in.
			real: realGemeenten().map((g) => g.name)
		};
	} finally {
		engine.close();
	}
};
