import type { Streefdoel } from '../catalog/schema';
import type { Manifest } from '../db/manifest';
import type { QueryEngine } from '../db/query';
import { toObservations } from '../indicators/observations';
import { judgeStreefdoel } from '../indicators/status';
import type { Judgement, Observation } from '../indicators/types';
import { BBV_INDICATORS } from '../measures/bbv';
import { specTables, trendSql, type MeasureSpec } from '../measures/spec';
import type { ObservationRow } from '../measures/sql';
import { releaseGemeenten } from '../gemeente/registry';

/** Every indicator Koers shows: the catalogue's streefdoelen and the BBV indicators, per gemeente. */
export interface IndicatorEntry {
	/** `<gemeente>/<id>`: the indicator page's path */
	key: string;
	gemeente: { code: string; name: string };
	programme: string;
	goal: string;
	streefdoel: Streefdoel;
	/** null when the source was not delivered: no realisatie yet */
	spec: MeasureSpec | null;
	observations: Observation[];
	judgement: Judgement;
	/** which year the status judges and how the figure moved since */
	since: string | null;
	/** for BBV: how Koers' figure relates to the CBS definition */
	note: string | null;
}

/** Name of the pseudo-programme that holds the mandatory BBV indicators. */
export const BBV_PROGRAMME = 'BBV-beleidsindicatoren';

const cache = new Map<string, Promise<IndicatorEntry[]>>();

/**
 * Reads every catalogue and every BBV indicator, with its realisatie and status, at build time.
 * Memoised per release and gemeenten folder: every prerendered page asks for the same list.
 */
export function loadIndicators(options: {
	engine: QueryEngine;
	manifest: Manifest;
	gemeentenDir: string;
}): Promise<IndicatorEntry[]> {
	const key = `${options.manifest.release}|${options.gemeentenDir}`;
	let found = cache.get(key);
	if (!found) {
		found = readIndicators(options);
		cache.set(key, found);
		found.catch(() => cache.delete(key));
	}
	return found;
}

async function readIndicators(options: {
	engine: QueryEngine;
	manifest: Manifest;
	gemeentenDir: string;
}): Promise<IndicatorEntry[]> {
	const { engine, manifest } = options;
	const entries: IndicatorEntry[] = [];
	// A table counts for a gemeente when the release has rows of that gemeente in it: one gemeente may
	// deliver a source (or a part of it, such as the jeugdhulp outcome) that another does not.
	const available = (spec: MeasureSpec, gemeente: string) =>
		specTables(spec).every((t) => {
			const table = manifest.tables[t];
			if (!table) return false;
			if (!table.partitionBy?.includes('gemeente')) return true;
			return table.files.some((f) => f.partition['gemeente'] === gemeente);
		});
	const add = async (e: Omit<IndicatorEntry, 'observations' | 'judgement' | 'since'>) => {
		const observations =
			e.spec && available(e.spec, e.gemeente.code)
				? toObservations(
						await engine.query<ObservationRow>(
							trendSql({ spec: e.spec, gemeente: e.gemeente.code, area: e.gemeente.code })
						)
					)
				: [];
		const measured = e.spec !== null && available(e.spec, e.gemeente.code);
		const { judgement, since } = judgeStreefdoel({ streefdoel: e.streefdoel, observations, measured });
		entries.push({ ...e, spec: measured ? e.spec : null, observations, judgement, since });
	};
	const catalogs = releaseGemeenten({ gemeentenDir: options.gemeentenDir, manifest }).flatMap(
		(g) => g.catalogs
	);
	for (const catalog of catalogs) {
		for (const goal of catalog.goals) {
			for (const s of goal.streefdoelen) {
				await add({
					key: `${catalog.gemeente.code}/${s.id}`,
					gemeente: catalog.gemeente,
					programme: `${catalog.programme.number} ${catalog.programme.name}`,
					goal: goal.name,
					streefdoel: s,
					spec: s.measure ? { kind: 'table', table: s.measure.table, filter: s.measure.filter } : null,
					note: null
				});
			}
		}
	}
	for (const gemeente of manifest.gemeenten) {
		for (const b of BBV_INDICATORS) {
			await add({
				key: `${gemeente.code}/${b.id}`,
				gemeente,
				programme: BBV_PROGRAMME,
				goal: 'Verplichte beleidsindicatoren sociaal domein',
				streefdoel: {
					id: b.id,
					title: `${b.title} (BBV ${b.number})`,
					indicator: `${b.title}, ${b.unit}`,
					unit: b.per === 100 ? 'procent' : 'per 10.000',
					direction: 'lower',
					baseline: { kind: 'pending', text: 'Geen nulsituatie: monitoring.' },
					norm: { kind: 'none', text: 'Verplichte beleidsindicator (BBV): alleen monitoring, geen norm.' },
					measure: null,
					source: `${b.numerator.table} / bevolking (${b.denominatorLabel}), berekend na afronding`,
					activities: []
				},
				spec: { kind: 'bbv', indicator: b.id },
				note: b.note
			});
		}
	}
	return entries;
}
