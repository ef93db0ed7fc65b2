import { resolve } from 'node:path';
import { gemeentenDir, releaseGemeenten } from '../gemeente/registry';
import type { Gemeente } from '../gemeente/types';
import { openRelease, readManifest } from './duckdb-node';

/**
 * The published release the site is built from: `static/data`, or `KOERS_PUBLISHED_DIR` (its parent
 * folder is then the site's static folder, see svelte.config.js).
 */
export function sitePublishedDir(env: NodeJS.ProcessEnv = process.env): string {
	return resolve(env['KOERS_PUBLISHED_DIR'] ?? 'static/data');
}

/** Opens the site's release on native DuckDB (the caller closes the engine). */
export function openSiteRelease(): ReturnType<typeof openRelease> {
	return openRelease({ publishedDir: sitePublishedDir() });
}

/** The gemeenten of the published release the site is built from, with their folders. */
export function siteGemeenten(): Gemeente[] {
	return releaseGemeenten({ gemeentenDir: gemeentenDir(), manifest: readManifest(sitePublishedDir()) });
}

/** What a gemeente's start page lists: its programmes (latest begroting first), money and reports. */
export interface GemeenteHome {
	code: string;
	name: string;
	programmes: { year: number; number: string; name: string; streefdoelen: number }[];
	reports: { name: string; title: string }[];
	finance: boolean;
}

/** The start page of one gemeente, from its folder and whether the release holds its ledger. */
export function gemeenteHome(gemeente: Gemeente, finance: boolean): GemeenteHome {
	return {
		code: gemeente.code,
		name: gemeente.name,
		programmes: gemeente.catalogs.map((c) => ({
			year: c.budgetYear,
			number: c.programme.number,
			name: c.programme.name,
			streefdoelen: c.goals.reduce((n, g) => n + g.streefdoelen.length, 0)
		})),
		reports: gemeente.reports.map((r) => ({ name: r.name, title: r.title })),
		finance
	};
}
