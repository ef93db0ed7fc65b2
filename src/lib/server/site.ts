import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Manifest } from '../db/manifest';
import { buildFinanceView, financeYears, loadFinanceSettings, type FinanceView } from '../finance/view';
import { gemeentenDir, releaseGemeenten } from '../gemeente/registry';
import type { Gemeente } from '../gemeente/types';
import { countStatuses, type StatusCounts } from '../indicators/status-counts';
import type { IndicatorEntry } from './indicators';
import { openRelease, readManifest, type NodeEngine } from '../db/node.server';
import { setting } from '../env';

/**
 * The published release the site is built from: `static/data`, or `KOERS_PUBLISHED_DIR` (its parent
 * folder is then the site's static folder, see svelte.config.js).
 */
export function sitePublishedDir(env: NodeJS.ProcessEnv = process.env): string {
	return resolve(setting('KOERS_PUBLISHED_DIR', env));
}

let shared: { release: string; opened: ReturnType<typeof openRelease> } | null = null;

/**
 * The site's release on native DuckDB, opened once per build and shared by every page (opening one
 * reads the whole manifest and registers every file: per page, a national build would repeat that
 * thousands of times). The pages'
 * `engine.close()` keeps it open; a new release (dev server) opens a new engine.
 */
export async function openSiteRelease(): Promise<{ engine: NodeEngine; manifest: Manifest }> {
	const manifest = siteManifest();
	if (shared?.release !== manifest.release) {
		const previous = shared;
		shared = {
			release: manifest.release,
			opened: openRelease({ publishedDir: sitePublishedDir(), manifest })
		};
		if (previous) void previous.opened.then(({ engine }) => engine.close());
	}
	const { engine } = await shared.opened;
	return { engine: { ...engine, close: () => {} }, manifest };
}

let manifestCache: { path: string; mtime: number; manifest: Manifest } | null = null;

/** The site's release manifest, read once per build (a national manifest lists thousands of files). */
export function siteManifest(): Manifest {
	const dir = sitePublishedDir();
	const mtime = statSync(join(dir, 'manifest.json')).mtimeMs;
	if (manifestCache?.path !== dir || manifestCache.mtime !== mtime)
		manifestCache = { path: dir, mtime, manifest: readManifest(dir) };
	return manifestCache.manifest;
}

/** The gemeenten of the published release the site is built from, with their folders. */
export function siteGemeenten(): Gemeente[] {
	return releaseGemeenten({ gemeentenDir: gemeentenDir(), manifest: siteManifest() });
}

/** What a gemeente's start page lists: its programmes (latest begroting first), money and reports. */
export interface GemeenteHome {
	code: string;
	name: string;
	programmes: { year: number; number: string; name: string; counts: StatusCounts }[];
	reports: { name: string; title: string }[];
	finance: boolean;
}

/**
 * The start page of one gemeente, from its folder, its judged indicators and whether the release
 * holds its ledger. Every streefdoel of a programme is counted by status; one without an indicator
 * entry counts as onbekend, so the counts add up to the programme's streefdoelen.
 */
export function gemeenteHome(options: {
	gemeente: Gemeente;
	finance: boolean;
	entries: readonly Pick<IndicatorEntry, 'key' | 'judgement'>[];
}): GemeenteHome {
	const { gemeente } = options;
	const status = new Map(options.entries.map((e) => [e.key, e.judgement.status]));
	return {
		code: gemeente.code,
		name: gemeente.name,
		programmes: gemeente.catalogs.map((c) => ({
			year: c.budgetYear,
			number: c.programme.number,
			name: c.programme.name,
			counts: countStatuses({
				statuses: c.goals.flatMap((g) =>
					g.streefdoelen.map((s) => status.get(`${gemeente.code}/${s.id}`) ?? 'onbekend')
				)
			})
		})),
		reports: gemeente.reports.map((r) => ({ name: r.name, title: r.title })),
		finance: options.finance
	};
}

let areas: {
	release: string;
	byCode: Promise<Map<string, { gemeente: string; name: string; level: string }>>;
} | null = null;

/** Every published area by code (gemeente, name, level), read once per release instead of once per page. */
export async function siteAreas(): Promise<Map<string, { gemeente: string; name: string; level: string }>> {
	const manifest = siteManifest();
	if (areas?.release !== manifest.release) {
		const byCode = openSiteRelease().then(async ({ engine }) => {
			const rows = await engine.query<{ code: string; gemeente: string; name: string; level: string }>(
				'SELECT gebied_code AS code, gemeente, gebied_naam AS name, gebied_niveau AS level FROM gebieden'
			);
			return new Map(rows.map((r) => [r.code, { gemeente: r.gemeente, name: r.name, level: r.level }]));
		});
		areas = { release: manifest.release, byCode };
	}
	return areas.byCode;
}

const financeViews = new Map<string, Promise<FinanceView | null>>();

/**
 * The financial view of one gemeente of the site (null when it delivered no ledger), with its own
 * controller settings; computed once per release, as its overview page and every year page need it.
 * An unknown gemeente is a 404 for the page that asks.
 */
export function siteFinanceView(code: string): Promise<FinanceView | null> {
	const manifest = siteManifest();
	const key = `${manifest.release}|${code}`;
	let found = financeViews.get(key);
	if (!found) {
		const gemeente = siteGemeenten().find((g) => g.code === code);
		found = gemeente
			? openSiteRelease().then(async ({ engine }) =>
					(await financeYears({ engine, manifest })).has(code)
						? buildFinanceView({
								engine,
								manifest,
								gemeente: { code: gemeente.code, name: gemeente.name },
								settings: loadFinanceSettings({ gemeente }),
								referenceDir: resolve('data/reference')
							})
						: null
				)
			: Promise.resolve(null);
		financeViews.set(key, found);
	}
	return found;
}
