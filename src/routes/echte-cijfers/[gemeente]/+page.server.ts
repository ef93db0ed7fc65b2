import { error } from '@sveltejs/kit';
import { realFigures, realGemeenten } from '$lib/server/real-figures';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One page per gemeente with real survey figures. */
export const entries: EntryGenerator = () => realGemeenten().map((g) => ({ gemeente: g.code }));

export const load: PageServerLoad = async ({ params }) => {
	const view = await realFigures(params.gemeente);
	if (!view) error(404, `Voor ${params.gemeente} zijn geen echte cijfers in deze build`);
	return { view };
};
