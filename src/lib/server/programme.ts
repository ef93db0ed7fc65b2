import { parseHTML } from 'linkedom';
import { trendChart } from '../charts/trend';
import { figureMarkup } from '../charts/figure';
import type { Catalog, Streefdoel } from '../catalog/schema';
import type { Manifest } from '../db/manifest';
import type { QueryEngine } from '../db/query';
import { toObservations } from '../indicators/observations';
import { judge } from '../indicators/status';
import type { Judgement, Observation } from '../indicators/types';
import { areasSql, observationsSql, type ObservationRow } from '../measures/sql';

/** One streefdoel with its realisatie, status and prerendered chart. */
export interface IndicatorView {
	streefdoel: Streefdoel;
	observations: Observation[];
	judgement: Judgement;
	chart: string;
}

/** Everything the programme overview shows, computed at build time. */
export interface ProgrammeView {
	catalog: Catalog;
	goals: { name: string; measured: IndicatorView[]; unmeasured: Streefdoel[] }[];
	areas: { code: string; name: string }[];
	release: Pick<Manifest, 'release' | 'sample' | 'dataDate'>;
}

/** Runs every query of the programme overview and judges every measured streefdoel. */
export async function buildProgrammeView(options: {
	engine: QueryEngine;
	catalog: Catalog;
	manifest: Manifest;
}): Promise<ProgrammeView> {
	const { engine, catalog, manifest } = options;
	const gemeente = catalog.gemeente.code;
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	const goals = [];
	for (const goal of catalog.goals) {
		const measured: IndicatorView[] = [];
		const unmeasured: Streefdoel[] = [];
		for (const s of goal.streefdoelen) {
			// A measure whose source was not delivered has no table in the release: no realisatie yet.
			if (!s.measure || !manifest.tables[s.measure.table]) {
				unmeasured.push(s);
				continue;
			}
			const rows = await engine.query<ObservationRow>(
				observationsSql({ measure: s.measure, gemeente, area: gemeente })
			);
			const observations = toObservations(rows);
			const judgement = judge({
				direction: s.direction,
				unit: s.unit,
				baseline: s.baseline,
				norm: s.norm,
				observations
			});
			const chart = figureMarkup(
				trendChart({
					observations,
					baseline: s.baseline,
					norm: s.norm,
					unit: s.unit,
					label: catalog.gemeente.name,
					document: document as unknown as Document
				})
			);
			measured.push({ streefdoel: s, observations, judgement, chart });
		}
		goals.push({ name: goal.name, measured, unmeasured });
	}
	const areas = await engine.query<{ code: string; name: string }>(areasSql({ gemeente, level: 'wijk' }));
	return {
		catalog,
		goals,
		areas,
		release: { release: manifest.release, sample: manifest.sample, dataDate: manifest.dataDate }
	};
}
