import { realGemeenten, realManifest } from '$lib/server/real-figures';
import { realCbsGemeenten } from '$lib/server/real-cbs';
import type { PageServerLoad } from './$types';

/** Which gemeenten have real figures in this build (a release of their own, never the sample's). */
export const load: PageServerLoad = () => {
	const survey = realGemeenten();
	const cbs = new Set(realCbsGemeenten().map((g) => g.code));
	const all = new Map(
		[...survey, ...realCbsGemeenten()].map((g) => [g.code, { code: g.code, name: g.name }] as const)
	);
	return {
		gemeenten: [...all.values()].map((g) => {
			const s = survey.find((x) => x.code === g.code);
			return { ...g, survey: Boolean(s), source: s?.source ?? null, cbs: cbs.has(g.code) };
		}),
		release: realManifest()?.release ?? null
	};
};
