import { realGemeenten, realManifest } from '$lib/server/real-figures';
import type { PageServerLoad } from './$types';

/** Which gemeenten have real figures in this build (a release of their own, never the sample's). */
export const load: PageServerLoad = () => ({
	gemeenten: realGemeenten().map((g) => ({ code: g.code, name: g.name, source: g.source ?? null })),
	release: realManifest()?.release ?? null
});
