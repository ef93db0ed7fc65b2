import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Manifest } from '../db/manifest';
import { sqlString } from '../db/query';
import { SURVEY_SCALES } from '../measures/scales';
import { openRelease, readManifest } from '../db/node.server';
import { siteManifest, sitePublishedDir } from './site';
import type { AreaLevel } from '../gemeente/types';

/**
 * Real figures, published as a release of their own (`npm run echt`: `data/echt/` into
 * `static/echt/`), never mixed with the synthetic sample: the site shows them on their own pages,
 * labelled as real, with their source. The release sits beside the site's own (`echt/` in the same
 * static folder, or `KOERS_REAL_PUBLISHED_DIR`), so a site built from another release has none.
 */
export function realPublishedDir(env: NodeJS.ProcessEnv = process.env): string {
	return resolve(env['KOERS_REAL_PUBLISHED_DIR'] ?? join(dirname(sitePublishedDir(env)), 'echt'));
}

/** The real release's manifest, or null when the build has none (or it is sample data). */
export function realManifest(): Manifest | null {
	const dir = realPublishedDir();
	if (!existsSync(join(dir, 'manifest.json'))) return null;
	const manifest = readManifest(dir);
	return manifest.sample ? null : manifest;
}

/** One area's schaalscores in one survey year. */
interface RealFiguresRow {
	level: 'gemeente' | AreaLevel;
	code: string;
	name: string;
	values: (number | null)[];
}

/** What the page of one gemeente's real survey figures shows. */
export interface RealFiguresView {
	gemeente: { code: string; name: string; source: string | null };
	release: string;
	/** how the figures were delivered and weighted, from the run report */
	format: string | null;
	scales: { column: string; label: string; better: 'higher' | 'lower' }[];
	years: { year: number; rows: RealFiguresRow[] }[];
}

/** The gemeenten of the site with real survey figures in the real release: a site shows only its own. */
export function realGemeenten(): Manifest['gemeenten'] {
	const manifest = realManifest();
	if (!manifest?.tables['bvb_schaalscores']) return [];
	const own = new Set(siteManifest().gemeenten.map((g) => g.code));
	return manifest.gemeenten.filter((g) => own.has(g.code));
}

/** The real survey figures of one gemeente: every area of its division, wijken with their buurten. */
export async function realFigures(code: string): Promise<RealFiguresView | null> {
	const manifest = realManifest();
	const gemeente = realGemeenten().find((g) => g.code === code);
	if (!manifest || !gemeente || !manifest.tables['bvb_schaalscores']) return null;
	const { engine } = await openRelease({ publishedDir: realPublishedDir(), manifest });
	try {
		const rows = await engine.query<{
			jaar: number;
			gebied_niveau: RealFiguresRow['level'];
			gebied_code: string;
			gebied_naam: string;
			schaal: string;
			gemiddelde: number | null;
		}>(`
			SELECT s.jaar, s.gebied_niveau, s.gebied_code, g.gebied_naam, s.schaal, s.gemiddelde
			FROM bvb_schaalscores s JOIN gebieden g ON g.gemeente = s.gemeente AND g.gebied_code = s.gebied_code
			WHERE s.gemeente = ${sqlString(code)} AND s.doelgroep = '18+'
			-- gemeente first, then each wijk followed by its buurten
			ORDER BY s.jaar, CASE s.gebied_niveau WHEN 'gemeente' THEN 0 ELSE 1 END,
				CASE s.gebied_niveau WHEN 'buurt' THEN g.ouder_code ELSE s.gebied_code END,
				CASE s.gebied_niveau WHEN 'wijk' THEN 0 ELSE 1 END, s.gebied_code`);
		const scales = SURVEY_SCALES.map((s) => ({ column: s.column, label: s.label, better: s.better }));
		const years = new Map<number, Map<string, RealFiguresRow>>();
		for (const r of rows) {
			const areas = years.get(r.jaar) ?? new Map<string, RealFiguresRow>();
			years.set(r.jaar, areas);
			const area = areas.get(r.gebied_code) ?? {
				level: r.gebied_niveau,
				code: r.gebied_code,
				name: r.gebied_naam,
				values: scales.map(() => null)
			};
			areas.set(r.gebied_code, area);
			area.values[scales.findIndex((s) => s.column === r.schaal)] = r.gemiddelde;
		}
		const source = manifest.sources.find((s) => s.file.startsWith(`${code}/bvb_`));
		return {
			gemeente: { code, name: gemeente.name, source: gemeente.source ?? null },
			release: manifest.release,
			format: source?.format ?? null,
			scales,
			years: [...years].map(([year, areas]) => ({ year, rows: [...areas.values()] }))
		};
	} finally {
		engine.close();
	}
}
