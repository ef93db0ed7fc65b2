import { resolve } from 'node:path';
import { loadCatalogs } from '$lib/server/catalog';
import { openRelease } from '$lib/server/duckdb-node';
import { buildProgrammeView } from '$lib/server/programme';
import type { PageServerLoad } from './$types';

/** Prerendered at build time: the page's SQL runs on native DuckDB over the published release. */
export const load: PageServerLoad = async () => {
	const { engine, manifest } = await openRelease({ publishedDir: resolve('static/data') });
	try {
		const catalogDir = resolve('data/catalog');
		const catalog = loadCatalogs(catalogDir).find(
			(c) => c.gemeente.code === 'GM0193' && c.programme.number === '12'
		);
		if (!catalog) throw new Error('no catalogue for GM0193 programme 12 in data/catalog');
		return { view: await buildProgrammeView({ engine, catalog, manifest, catalogDir }) };
	} finally {
		engine.close();
	}
};
