import { error, json } from '@sveltejs/kit';
import { currentDivision } from '$lib/gemeente/division';
import { loadGeometry } from '$lib/server/geometry';
import { siteGemeenten } from '$lib/server/site';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

/**
 * Buurt outlines as prerendered JSON, fetched by the browser only when a user asks for that level
 * (wijk outlines come with the page). One file per gemeente whose division has buurt outlines.
 */
export const entries: EntryGenerator = () =>
	siteGemeenten()
		.filter((g) => currentDivision(g)?.outlines.buurt)
		.map((g) => ({ gemeente: g.code, level: 'buurt.json' }));

export const GET: RequestHandler = async ({ params }) => {
	const level = params.level.replace(/\.json$/, '');
	if (level !== 'wijk' && level !== 'buurt') error(404, 'onbekend niveau');
	const gemeente = siteGemeenten().find((g) => g.code === params.gemeente);
	if (!gemeente) error(404, 'onbekende gemeente');
	const geometry = await loadGeometry({ gemeente, level });
	if (!geometry) error(404, 'geen gebiedsgrenzen');
	return json(geometry);
};
