import { parseHTML } from 'linkedom';
import { sparkline } from '../charts/sparkline';
import { trendChart } from '../charts/trend';
import { figureMarkup } from '../charts/figure';
import type { Catalog, Streefdoel } from '../catalog/schema';
import { type Manifest, type ReleaseInfo, releaseInfo } from '../db/manifest';
import type { QueryEngine } from '../db/query';
import type { Judgement, Observation, StatusKind } from '../indicators/types';
import { baselineRoundingNote } from '../indicators/rounding-note';
import { countStatuses, type StatusCounts } from '../indicators/status-counts';
import { overviewRow, type OverviewRow } from '../indicators/overview-row';
import { areaListSql } from '../measures/sql';
import { loadIndicators } from './indicators';

/** One streefdoel with its realisatie, status and prerendered chart. */
export interface IndicatorView {
	streefdoel: Streefdoel;
	observations: Observation[];
	judgement: Judgement;
	/** which year the status judges and how the figure moved since */
	since: string | null;
	/** why a stated nulsituatie differs from the published figure of its year (rounding), if it does */
	baselineNote: string | null;
	chart: string;
}

/** Everything the programme overview shows, computed at build time. */
export interface ProgrammeView {
	catalog: Catalog;
	goals: { name: string; measured: IndicatorView[]; unmeasured: Streefdoel[] }[];
	/** every streefdoel of the programme by status, those without a measurement as onbekend */
	counts: StatusCounts;
	/** every streefdoel in one line per goal, with its sparkline (SVG markup, null with too few values) */
	overview: { goal: string; rows: (OverviewRow & { sparkline: string | null })[] }[];
	areas: { code: string; name: string }[];
	release: ReleaseInfo;
}

/** Builds the programme overview from the indicator registry: realisatie, status and a chart per streefdoel. */
export async function buildProgrammeView(options: {
	engine: QueryEngine;
	catalog: Catalog;
	manifest: Manifest;
	gemeentenDir: string;
}): Promise<ProgrammeView> {
	const { engine, catalog, manifest } = options;
	const gemeente = catalog.gemeente.code;
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	const entries = await loadIndicators({ engine, manifest, gemeentenDir: options.gemeentenDir });
	const statuses: StatusKind[] = [];
	const overview: ProgrammeView['overview'] = [];
	const goals = catalog.goals.map((goal) => {
		const measured: IndicatorView[] = [];
		const unmeasured: Streefdoel[] = [];
		const rows: ProgrammeView['overview'][number]['rows'] = [];
		overview.push({ goal: goal.name, rows });
		for (const s of goal.streefdoelen) {
			const entry = entries.find((e) => e.key === `${gemeente}/${s.id}`);
			statuses.push(entry?.judgement.status ?? 'onbekend');
			const observations = entry?.spec ? entry.observations : [];
			rows.push({
				...overviewRow({
					id: s.id,
					title: s.title,
					unit: s.unit,
					baseline: s.baseline,
					norm: s.norm,
					observations,
					judgement: entry?.judgement ?? { status: 'onbekend', year: null },
					peildatum: s.measure?.periodKind === 'peildatum'
				}),
				sparkline: sparkline({ observations, unit: s.unit, label: s.title })
			});
			// A measure whose source was not delivered has no table in the release: no realisatie yet.
			if (!entry?.spec) {
				unmeasured.push(s);
				continue;
			}
			const chart = figureMarkup(
				trendChart({
					observations: entry.observations,
					baseline: s.baseline,
					norm: s.norm,
					unit: s.unit,
					label: catalog.gemeente.name,
					document: document as unknown as Document
				})
			);
			measured.push({
				streefdoel: s,
				observations: entry.observations,
				judgement: entry.judgement,
				since: entry.since,
				baselineNote: baselineRoundingNote({
					baseline: s.baseline,
					observations: entry.observations,
					unit: s.unit,
					roundingBase: manifest.disclosure.roundingBase
				}),
				chart
			});
		}
		return { name: goal.name, measured, unmeasured };
	});
	const areas = await engine.query<{ code: string; name: string }>(areaListSql({ gemeente, level: 'wijk' }));
	return {
		catalog,
		goals,
		counts: countStatuses({ statuses }),
		overview,
		areas,
		release: releaseInfo(manifest)
	};
}
