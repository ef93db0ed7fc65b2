import type { Unit } from '../format';
import type { Observation } from '../indicators/types';
import { choroplethMap, rankedBarChart, type AreaGeometry, type AreaValue } from './breakdown';
import { figureMarkup } from './figure';

/** Draws the ranked bars and the map of a breakdown. */
export function drawBreakdown(options: {
	entry: { streefdoel: { unit: Unit }; gemeente: { name: string }; observations: Observation[] };
	rows: AreaValue[];
	level: 'wijk' | 'buurt';
	year: number;
	geometry: AreaGeometry | null;
	document: Document;
}): { bars: string; map: string | null } {
	const { entry, rows, level, year, geometry, document } = options;
	const unit = entry.streefdoel.unit;
	const reference = entry.observations.find((o) => o.year === year)?.value ?? null;
	return {
		bars: figureMarkup(
			rankedBarChart({ rows, unit, reference: { label: entry.gemeente.name, value: reference }, document })
		),
		map: geometry
			? figureMarkup(choroplethMap({ rows, geometry, unit, labels: level === 'wijk', document }))
			: null
	};
}
