import { releaseInfo } from '$lib/db/manifest';
import { openSiteRelease } from '$lib/server/site';
import { gemeentenDir } from '$lib/gemeente/registry';
import { loadIndicators } from '$lib/server/indicators';
import type { PageServerLoad } from './$types';

/** Every streefdoel and BBV indicator of every gemeente, with its realisatie, prerendered. */
export const load: PageServerLoad = async () => {
	const { engine, manifest } = await openSiteRelease();
	try {
		const entries = await loadIndicators({ engine, manifest, gemeentenDir: gemeentenDir() });
		return {
			entries: entries.map((e) => ({
				key: e.key,
				gemeente: e.gemeente,
				programme: e.programme,
				goal: e.goal,
				streefdoel: e.streefdoel,
				observations: e.observations,
				measured: e.spec !== null
			})),
			gemeenten: manifest.gemeenten,
			release: releaseInfo(manifest)
		};
	} finally {
		engine.close();
	}
};
