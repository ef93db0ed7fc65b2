import { resolve } from 'node:path';
import { error, json } from '@sveltejs/kit';
import { loadGeometry } from '$lib/server/geometry';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

/** Area outlines as prerendered JSON, fetched by the browser only when a user asks for that level. */
export const entries: EntryGenerator = () => [{ gemeente: 'GM0193', level: 'buurt.json' }];

export const GET: RequestHandler = ({ params }) => {
	const level = params.level.replace(/\.json$/, '');
	if (level !== 'wijk' && level !== 'buurt') error(404, 'onbekend niveau');
	const geometry = loadGeometry({
		referenceDir: resolve('data/reference'),
		gemeente: params.gemeente,
		level
	});
	if (!geometry) error(404, 'geen gebiedsgrenzen');
	return json(geometry);
};
