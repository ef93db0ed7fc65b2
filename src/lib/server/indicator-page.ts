import { parseHTML } from 'linkedom';
import type { AreaGeometry, AreaValue } from '../charts/breakdown';
import { drawBreakdown } from '../charts/breakdown-figures';
import { figureMarkup } from '../charts/figure';
import { trendChart } from '../charts/trend';
import type { QueryEngine } from '../db/query';
import { areaSql } from '../measures/spec';
import type { IndicatorEntry } from './indicators';

/** A server-side document for Plot (linkedom). */
export function serverDocument(): Document {
	return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** The breakdown of an indicator per area in one year, with both charts prerendered. */
export interface Breakdown {
	level: 'wijk' | 'buurt';
	year: number;
	rows: AreaValue[];
	bars: string;
	map: string | null;
}

/** Queries and draws a breakdown (the same SQL and chart functions run in the browser). */
export async function buildBreakdown(options: {
	engine: QueryEngine;
	entry: IndicatorEntry;
	level: 'wijk' | 'buurt';
	year: number;
	geometry: AreaGeometry | null;
	document: Document;
}): Promise<Breakdown> {
	const { entry, level, year, geometry, document } = options;
	const rows = await options.engine.query<AreaValue & Record<string, string | number | null>>(
		areaSql({ spec: entry.spec!, gemeente: entry.gemeente.code, level, year })
	);
	return { level, year, rows, ...drawBreakdown({ entry, rows, level, year, geometry, document }) };
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
