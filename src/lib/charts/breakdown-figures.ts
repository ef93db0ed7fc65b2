import type { Unit } from '../format';
import { compareAreas, type AreaQueryRow } from '../measures/area-rate';
import type { BreakdownView } from '../measures/area-view';
import { specComparison, type MeasureSpec } from '../measures/spec';
import { choroplethMap, rankedBarChart, type AreaGeometry } from './breakdown';
import { figureMarkup } from './figure';
import type { AreaLevel } from '../gemeente/types';

/**
 * A breakdown's view from its query rows: the areas compared (counts as rates over their population),
 * the gemeente's figure in the same unit as the reference, and the ranked bars and map drawn from them.
 */
export function breakdownView(options: {
	indicator: { spec: MeasureSpec; streefdoel: { unit: Unit }; gemeente: { code: string; name: string } };
	rows: AreaQueryRow[];
	level: AreaLevel;
	year: number;
	geometry: AreaGeometry | null;
	document: Document;
}): BreakdownView {
	const { indicator, rows, level, year, geometry, document } = options;
	const { spec } = indicator;
	const { basis, unit, unitText, counts } = specComparison({ spec, unit: indicator.streefdoel.unit });
	const { areas, reference } = compareAreas({ rows, basis, gemeente: indicator.gemeente.code });
	return {
		level,
		year,
		unit,
		unitText,
		counts,
		areas,
		reference,
		bars: figureMarkup(
			rankedBarChart({
				rows: areas,
				unit,
				unitText,
				reference: { label: indicator.gemeente.name, value: reference?.value ?? null },
				document
			})
		),
		map: geometry
			? figureMarkup(choroplethMap({ rows: areas, geometry, unit, labels: level === 'wijk', document }))
			: null
	};
}
