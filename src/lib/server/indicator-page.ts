import { parseHTML } from 'linkedom';
import type { AreaGeometry } from '../charts/breakdown';
import { breakdownView } from '../charts/breakdown-figures';
import { figureMarkup } from '../charts/figure';
import { trendChart } from '../charts/trend';
import type { QueryEngine } from '../db/query';
import type { AreaQueryRow } from '../measures/area-rate';
import type { BreakdownView } from '../measures/area-view';
import { specBreakdownSql } from '../measures/spec';
import type { IndicatorEntry } from './indicators';
import type { AreaLevel } from '../gemeente/types';

/** A server-side document for Plot (linkedom). */
export function serverDocument(): Document {
	return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** Queries and draws a breakdown (the same SQL and chart functions run in the browser). */
export async function buildBreakdown(options: {
	engine: QueryEngine;
	entry: IndicatorEntry;
	level: AreaLevel;
	year: number;
	geometry: AreaGeometry | null;
	document: Document;
}): Promise<BreakdownView> {
	const { entry, level, year, geometry, document } = options;
	const spec = entry.spec!;
	const rows = await options.engine.query<AreaQueryRow & Record<string, string | number | null>>(
		specBreakdownSql({ spec, unit: entry.streefdoel.unit, gemeente: entry.gemeente.code, level, year })
	);
	return breakdownView({ indicator: { ...entry, spec }, rows, level, year, geometry, document });
}

/** The trend chart of an indicator, prerendered. */
export function trendMarkup(entry: IndicatorEntry, document: Document): string {
	const s = entry.streefdoel;
	return figureMarkup(
		trendChart({
			observations: entry.observations,
			baseline: s.baseline,
			norm: s.norm,
			unit: s.unit,
			label: entry.gemeente.name,
			document
		})
	);
}
