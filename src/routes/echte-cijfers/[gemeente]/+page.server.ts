import { error } from '@sveltejs/kit';
import { realFigures, realGemeenten } from '$lib/server/real-figures';
import { realCbsGemeenten, realCbsView } from '$lib/server/real-cbs';
import { serverDocument } from '$lib/server/indicator-page';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One page per gemeente of the site with real figures: its own survey figures, real CBS figures, or both. */
export const entries: EntryGenerator = () =>
	[...new Set([...realGemeenten(), ...realCbsGemeenten()].map((g) => g.code))].map((gemeente) => ({
		gemeente
	}));

export const load: PageServerLoad = async ({ params }) => {
	const view = await realFigures(params.gemeente);
	const cbs = await realCbsView({ gemeente: params.gemeente, document: serverDocument() });
	if (!view && !cbs) error(404, `Voor ${params.gemeente} zijn geen echte cijfers in deze build`);
	return { view, cbs };
};
