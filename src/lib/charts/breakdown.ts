import * as Plot from '@observablehq/plot';
import { ticks } from 'd3-array';
import { formatValue, type Unit } from '../format';
import { CHART_TEXT_SIZE } from './figure';
import { Z_95 } from '../indicators/significance';
import { rankAreas, type AreaFigure } from '../measures/area-rate';

/** One area of a breakdown: a value, or null when it is suppressed or not published. */
export type AreaValue = AreaFigure;

/** A GeoJSON FeatureCollection whose features carry the CBS code in `properties.code`. */
export interface AreaGeometry {
	type: 'FeatureCollection';
	features: { type: 'Feature'; properties: { code: string; name: string }; geometry: unknown }[];
}

const shortName = (name: string) => name.replace(/^Wijk \d+ /, '');

/**
 * Areas ranked by value, with the 95% margin for survey figures and the gemeente as a reference
 * line in the same unit. Suppressed areas are listed at the bottom as "onderdrukt", never drawn as zero.
 */
export function rankedBarChart(options: {
	rows: AreaValue[];
	unit: Unit;
	/** the unit in words when the areas are not compared in the indicator's own (e.g. "per 1.000 inwoners") */
	unitText?: string | null;
	reference: { label: string; value: number | null };
	document: Document;
	width?: number;
}): Element {
	const { rows, unit, reference } = options;
	const { known, missing } = rankAreas(rows);
	const order = [...known, ...missing].map((r) => shortName(r.name));
	const withMargin = known
		.filter((r) => r.standard_error)
		.map((r) => ({
			name: shortName(r.name),
			low: r.value! - Z_95 * r.standard_error!,
			high: r.value! + Z_95 * r.standard_error!
		}));
	const marks: Plot.Markish[] = [
		Plot.barX(known, {
			x: 'value',
			y: (r: AreaValue) => shortName(r.name),
			fill: '#1f4e79',
			fillOpacity: 0.85
		}),
		Plot.text(known, {
			x: 'value',
			y: (r: AreaValue) => shortName(r.name),
			text: (r: AreaValue) => formatValue(r.value, unit),
			dx: 4,
			textAnchor: 'start',
			fontSize: CHART_TEXT_SIZE
		}),
		Plot.text(missing, {
			x: 0,
			y: (r: AreaValue) => shortName(r.name),
			text: () => 'onderdrukt',
			dx: 4,
			textAnchor: 'start',
			fontSize: CHART_TEXT_SIZE,
			fontStyle: 'italic'
		})
	];
	if (withMargin.length > 0)
		marks.push(
			Plot.ruleY(withMargin, { y: 'name', x1: 'low', x2: 'high', stroke: 'currentColor', strokeWidth: 1 })
		);
	if (reference.value !== null) {
		marks.push(
			Plot.ruleX([reference.value], { stroke: '#8a4b00', strokeDasharray: '4 3', strokeWidth: 1.5 })
		);
		marks.push(
			Plot.text([reference.value], {
				x: (d: number) => d,
				frameAnchor: 'top',
				text: () => `${reference.label}: ${formatValue(reference.value, unit)}`,
				dy: -14,
				fontSize: CHART_TEXT_SIZE,
				fill: '#8a4b00'
			})
		);
	}
	const describe = [
		known.map((r) => `${r.name} ${formatValue(r.value, unit)}`).join('; '),
		missing.length > 0 ? `Onderdrukt: ${missing.map((r) => r.name).join(', ')}` : '',
		reference.value !== null ? `Stippellijn: ${reference.label} ${formatValue(reference.value, unit)}` : ''
	]
		.filter(Boolean)
		.join('. ')
		.concat('.');
	return Plot.plot({
		document: options.document,
		className: 'koers-plot',
		width: options.width ?? 640,
		height: Math.max(120, 18 * order.length + 50),
		marginLeft: 170,
		marginRight: 60,
		marginTop: 30,
		ariaLabel: `Gebieden op volgorde van waarde${options.unitText ? `, ${options.unitText}` : ''}`,
		ariaDescription: describe,
		x: { label: null, grid: true, nice: true, zero: true, tickFormat: (d: number) => formatValue(d, unit) },
		y: { label: null, domain: order, tickSize: 0 },
		marks
	});
}

/** Five blues, light to dark (ColorBrewer Blues), readable with black labels. */
const BLUES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
/**
 * The light classes are 1,1-1,5:1 on white: every area and legend swatch is outlined in a grey of
 * 8,9:1, and an area without a value is hatched, not left white (WCAG 1.4.11).
 */
const OUTLINE = '#4a4a4a';
const HATCH = 'koers-geen-waarde';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** A `<defs>` with the diagonal hatch for areas without a value, under the given id. */
function hatchDefs(document: Document, id: string): Element {
	const el = (name: string, attrs: Record<string, string | number>) => {
		const e = document.createElementNS(SVG_NS, name);
		for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
		return e;
	};
	const defs = el('defs', {});
	const pattern = el('pattern', {
		id,
		width: 6,
		height: 6,
		patternUnits: 'userSpaceOnUse',
		patternTransform: 'rotate(45)'
	});
	pattern.appendChild(el('rect', { width: 6, height: 6, fill: 'white' }));
	pattern.appendChild(el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: OUTLINE, 'stroke-width': 1.5 }));
	defs.appendChild(pattern);
	return defs;
}

/** Class breaks for a choropleth: round numbers between the smallest and largest value. */
export function classBreaks(values: number[]): number[] {
	if (values.length === 0) return [];
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	if (lo === hi) return [];
	return ticks(lo, hi, BLUES.length - 1)
		.filter((t) => t > lo && t <= hi)
		.slice(0, BLUES.length - 1);
}

/**
 * A choropleth of the areas with their values written in (so it reads without colour, also in
 * black and white), and a legend drawn with plain SVG attributes (Plot's legends set inline styles,
 * which the Content-Security-Policy forbids). Areas without a published value are hatched.
 */
export function choroplethMap(options: {
	rows: AreaValue[];
	geometry: AreaGeometry;
	unit: Unit;
	labels: boolean;
	document: Document;
	width?: number;
}): Element {
	const { rows, geometry, unit, document } = options;
	const byCode = new Map(rows.map((r) => [r.code, r]));
	const features = geometry.features.map((f) => ({
		...f,
		value: byCode.get(f.properties.code)?.value ?? null
	}));
	const known = features.filter((f) => f.value !== null);
	const missing = rows.filter((r) => r.value === null);
	const breaks = classBreaks(known.map((f) => f.value!));
	const colors = BLUES.slice(BLUES.length - breaks.length - 1);
	const colorOf = (v: number) => colors[breaks.filter((b) => v >= b).length]!;
	const marks: Plot.Markish[] = [
		() => hatchDefs(document, HATCH) as SVGElement,
		Plot.geo(
			features.filter((f) => f.value === null),
			{ fill: `url(#${HATCH})`, stroke: OUTLINE, strokeWidth: 1 }
		),
		Plot.geo(known, { fill: (f: { value: number }) => colorOf(f.value), stroke: OUTLINE, strokeWidth: 1 })
	];
	if (options.labels)
		marks.push(
			Plot.text(
				features,
				Plot.centroid({
					text: (f: { value: number | null }) => formatValue(f.value, unit, '×'),
					fontSize: CHART_TEXT_SIZE,
					stroke: 'white',
					strokeWidth: 3,
					fill: 'black'
				})
			)
		);
	const width = options.width ?? 480;
	const map = Plot.plot({
		document,
		className: 'koers-plot',
		width,
		height: Math.round(width * 0.9),
		projection: { type: 'mercator', domain: geometry as never },
		ariaLabel: 'Kaart van de gebieden',
		ariaDescription: `${known.length} gebieden met een waarde${missing.length > 0 ? `; zonder waarde (gearceerd${options.labels ? ', ×' : ''}): ${missing.map((r) => r.name).join(', ')}` : ''}. De tabel eronder geeft alle waarden.`,
		marks
	});
	const figure = document.createElement('div');
	figure.setAttribute('class', 'map-figure');
	figure.appendChild(legend({ breaks, colors, unit, document }));
	figure.appendChild(map);
	return figure;
}

function legend(options: { breaks: number[]; colors: string[]; unit: Unit; document: Document }): Element {
	const { breaks, colors, unit, document } = options;
	const el = (name: string, attrs: Record<string, string | number>) => {
		const e = document.createElementNS(SVG_NS, name);
		for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
		return e;
	};
	const step = 70;
	// The hatched swatch for "geen waarde" follows the classes, its label beside it.
	const hatchX = 10 + colors.length * step + 16;
	const width = hatchX + 24 + 6 + 80;
	const svg = el('svg', {
		class: 'koers-plot map-legend',
		width,
		height: 36,
		viewBox: `0 0 ${width} 36`,
		role: 'img',
		'aria-label': `Legenda: ${colors
			.map((_, i) =>
				i === 0
					? `lager dan ${formatValue(breaks[0] ?? null, unit)}`
					: i === colors.length - 1
						? `${formatValue(breaks[i - 1]!, unit)} of hoger`
						: `${formatValue(breaks[i - 1]!, unit)} tot ${formatValue(breaks[i]!, unit)}`
			)
			.join('; ')}; gearceerd: geen waarde`
	});
	svg.appendChild(hatchDefs(document, `${HATCH}-legenda`));
	colors.forEach((c, i) => {
		svg.appendChild(
			el('rect', {
				x: 10 + i * step,
				y: 4,
				width: step,
				height: 12,
				fill: c,
				stroke: OUTLINE,
				'stroke-width': 1
			})
		);
	});
	svg.appendChild(
		el('rect', {
			x: hatchX,
			y: 4,
			width: 24,
			height: 12,
			fill: `url(#${HATCH}-legenda)`,
			stroke: OUTLINE,
			'stroke-width': 1
		})
	);
	const none = el('text', { x: hatchX + 30, y: 14, 'font-size': CHART_TEXT_SIZE, fill: 'currentColor' });
	none.textContent = 'geen waarde';
	svg.appendChild(none);
	breaks.forEach((b, i) => {
		const t = el('text', {
			x: 10 + (i + 1) * step,
			y: 30,
			'text-anchor': 'middle',
			'font-size': CHART_TEXT_SIZE,
			fill: 'currentColor'
		});
		t.textContent = formatValue(b, unit);
		svg.appendChild(t);
	});
	return svg;
}
