import { releaseInfo } from '$lib/db/manifest';
import { financeYears } from '$lib/server/finance';
import { gemeenteHome, openSiteRelease, siteGemeenten } from '$lib/server/site';
import { realGemeenten } from '$lib/server/real-figures';
import type { PageServerLoad } from './$types';

/** The start page: one gemeente opens on its programmes; several open on a choice of gemeente. */
export const load: PageServerLoad = async () => {
	const { engine, manifest } = await openSiteRelease();
	try {
		const finance = await financeYears({ engine, manifest });
		return {
			// A choice of gemeente reads in alphabetical order.
			gemeenten: siteGemeenten()
				.map((g) => gemeenteHome(g, finance.has(g.code)))
				.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
			release: releaseInfo(manifest),
			// Real figures published as a release of their own: linked, never mixed in.
			real: realGemeenten().map((g) => g.name)
		};
	} finally {
		engine.close();
	}
};
