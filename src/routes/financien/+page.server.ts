import { releaseInfo } from '$lib/db/manifest';
import { financeYears } from '$lib/finance/view';
import { openSiteRelease, siteGemeenten } from '$lib/server/site';
import type { PageServerLoad } from './$types';

/** The gemeenten with financial figures, each with its years. */
export const load: PageServerLoad = async () => {
	const { engine, manifest } = await openSiteRelease();
	try {
		const years = await financeYears({ engine, manifest });
		return {
			gemeenten: siteGemeenten()
				.filter((g) => years.has(g.code))
				.map((g) => ({ code: g.code, name: g.name, years: years.get(g.code)! })),
			release: releaseInfo(manifest)
		};
	} finally {
		engine.close();
	}
};
