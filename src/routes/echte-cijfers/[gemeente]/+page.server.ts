import { error } from '@sveltejs/kit';
import { realFigures, realGemeenten } from '$lib/server/real-figures';
import { realCbsGemeenten, realCbsView } from '$lib/server/real-cbs';
import { serverDocument } from '$lib/server/indicator-page';
import { realWijkView } from '$lib/server/real-cbs-wijken';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One page per gemeente of the site with real figures: its own survey figures, real CBS figures, or both. */
export const entries: EntryGenerator = () =>
	[...new Set([...realGemeenten(), ...realCbsGemeenten()].map((g) => g.code))].map((gemeente) => ({
		gemeente
	}));

export const load: PageServerLoad = async ({ params }) => {
	const view = await realFigures(params.gemeente);
	const document = serverDocument();
	const cbs = await realCbsView({ gemeente: params.gemeente, document });
	if (!view && !cbs) error(404, `Voor ${params.gemeente} zijn geen echte cijfers in deze build`);
	const wijken = cbs ? await realWijkView({ gemeente: params.gemeente, document }) : null;
	return { view, cbs, wijken };
};
