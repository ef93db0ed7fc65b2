import * as Plot from '@observablehq/plot';
import { formatNumber, formatValue, type Unit } from '../format';
import { CHART_TEXT_SIZE } from './figure';
import type { Baseline, Norm, Observation } from '../indicators/types';
import { Z_95 } from '../indicators/significance';

/** A series to compare with the main one (e.g. a wijk against the city). */
interface ComparisonSeries {
	label: string;
	observations: Observation[];
}

/** Options of {@link trendChart}. */
export interface TrendChartOptions {
	observations: Observation[];
	baseline: Baseline;
	norm: Norm;
	unit: Unit;
	/** label of the main series (the gemeente's name) */
	label: string;
	comparison?: ComparisonSeries | null;
	/** the document to build the SVG in: linkedom at build time, a detached document in the browser */
	document: Document;
	width?: number;
	height?: number;
}

interface Point {
	year: number;
	value: number | null;
	low: number | null;
	high: number | null;
	series: string;
}

const decimals = (unit: Unit) => (unit === 'aantal' ? 0 : 1);

/** Observations as points, with the 95% margin for survey figures. */
function toPoints(obs: Observation[], series: string): Point[] {
	return obs.map((o) => {
		const margin = o.value !== null && o.standardError ? Z_95 * o.standardError : null;
		return {
			year: o.year,
			value: o.value,
			low: margin !== null ? o.value! - margin : null,
			high: margin !== null ? o.value! + margin : null,
			series
		};
	});
}

/** A labelled reference point: the nulsituatie, the norm, a milestone. */
interface Reference {
	year: number;
	value: number;
	text: string;
}

/** The nulsituatie, a level norm and its milestones as labelled points. */
function references(options: TrendChartOptions): Reference[] {
	const { baseline, norm, unit } = options;
	const out: Reference[] = [];
	if (baseline.kind === 'value')
		out.push({
			year: baseline.year,
			value: baseline.value,
			text: `nulsituatie ${formatValue(baseline.value, unit)}`
		});
	if (norm.kind === 'target' || norm.kind === 'minimum' || norm.kind === 'maximum') {
		out.push({
			year: norm.year,
			value: norm.value,
			text: `norm ${norm.year}: ${formatValue(norm.value, unit)}`
		});
		for (const m of norm.kind === 'target' ? (norm.milestones ?? []) : [])
			out.push({ year: m.year, value: m.value, text: `streefcijfer ${m.year}` });
	}
	return out;
}

/**
 * A rise or fall norm as a dotted line at the reference year's value up to the norm year, labelled
 * "hoger/lager dan"; and for every norm a faint rule at the norm year.
 */
function normMarks(options: TrendChartOptions): Plot.Markish[] {
	const { norm, baseline } = options;
	const marks: Plot.Markish[] = [];
	if (norm.kind === 'rise' || norm.kind === 'fall') {
		const ref =
			options.observations.find((o) => o.year === norm.referenceYear)?.value ??
			(baseline.kind === 'value' ? baseline.value : null);
		if (ref !== null) {
			marks.push(
				Plot.ruleY([ref], {
					x1: norm.referenceYear,
					x2: norm.year,
					stroke: 'currentColor',
					strokeDasharray: '2 3'
				}),
				Plot.text([{ year: norm.year, value: ref }], {
					x: 'year',
					y: 'value',
					text: () =>
						`norm ${norm.year}: ${norm.kind === 'rise' ? 'hoger' : 'lager'} dan ${norm.referenceYear}`,
					dx: 6,
					dy: norm.kind === 'rise' ? 12 : -12,
					textAnchor: 'start',
					fontSize: CHART_TEXT_SIZE
				})
			);
		}
	}
	if (norm.kind !== 'none')
		marks.push(
			Plot.ruleX([norm.year], { stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '1 3' })
		);
	return marks;
}

/** The margin band, the comparison series (dashed, squares) and the main series (solid, dots). */
function seriesMarks(main: Point[], other: Point[], unit: Unit): Plot.Markish[] {
	const marks: Plot.Markish[] = [];
	const band = main.filter((p) => p.low !== null);
	if (band.length > 0)
		marks.push(
			// The light fill alone is 1,3:1 on white: its outline carries the band (WCAG 1.4.11).
			Plot.areaY(band, {
				x: 'year',
				y1: 'low',
				y2: 'high',
				fill: 'currentColor',
				fillOpacity: 0.12,
				stroke: 'currentColor',
				strokeOpacity: 0.6
			})
		);
	if (other.length > 0)
		marks.push(
			Plot.lineY(other, {
				x: 'year',
				y: 'value',
				stroke: '#8a4b00',
				strokeDasharray: '6 3',
				strokeWidth: 1.5
			}),
			Plot.dot(other, { x: 'year', y: 'value', symbol: 'square', fill: '#8a4b00', r: 3.5 })
		);
	marks.push(
		Plot.lineY(main, { x: 'year', y: 'value', stroke: '#1f4e79', strokeWidth: 2 }),
		Plot.dot(main, {
			x: 'year',
			y: 'value',
			fill: '#1f4e79',
			r: 3.5,
			title: (p: Point) => `${p.year}: ${formatValue(p.value, unit)}`
		})
	);
	return marks;
}

/** Reference points as white diamonds with their labels above. */
function referenceMarks(refs: Reference[]): Plot.Markish[] {
	if (refs.length === 0) return [];
	return [
		Plot.dot(refs, {
			x: 'year',
			y: 'value',
			symbol: 'diamond',
			stroke: 'currentColor',
			fill: 'white',
			r: 5,
			strokeWidth: 1.5
		}),
		Plot.text(refs, { x: 'year', y: 'value', text: 'text', dy: -12, fontSize: CHART_TEXT_SIZE })
	];
}

/**
 * The trend of a streefdoel: realisatie per year (with the 95% margin band for survey figures), the
 * nulsituatie and the norm as reference marks, and optionally a comparison series. Meaning never
 * rests on colour alone: series differ in dash and marker, reference marks are labelled.
 */
export function trendChart(options: TrendChartOptions): Element {
	const { unit, norm, baseline, label } = options;
	const main = toPoints(options.observations, label);
	const other = options.comparison ? toPoints(options.comparison.observations, options.comparison.label) : [];
	const years = [...main, ...other].map((p) => p.year);
	if (norm.kind !== 'none') years.push(norm.year);
	if (baseline.kind === 'value') years.push(baseline.year);
	const domainX: [number, number] = [Math.min(...years), Math.max(...years)];
	const values = (points: Point[]) =>
		points.map((p) => `${p.year} ${formatValue(p.value, unit, 'onderdrukt')}`).join(', ');
	const describe = [
		`Realisatie ${label}: ${values(main)}.`,
		other.length > 0 ? `Ter vergelijking ${options.comparison!.label}: ${values(other)}.` : ''
	].join(' ');

	return Plot.plot({
		document: options.document,
		className: 'koers-plot',
		width: options.width ?? 640,
		height: options.height ?? 260,
		marginLeft: 56,
		marginRight: 24,
		marginTop: 28,
		ariaLabel: `Trend van ${label}`,
		ariaDescription: describe,
		x: {
			domain: domainX,
			label: null,
			tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : ''),
			ticks: Math.min(12, domainX[1] - domainX[0] + 1)
		},
		y: {
			label: null,
			grid: true,
			nice: true,
			zero: unit === 'aantal',
			tickFormat: (d: number) => formatNumber(d, { decimals: unit === 'aantal' ? 0 : decimals(unit) })
		},
		marks: [...normMarks(options), ...seriesMarks(main, other, unit), ...referenceMarks(references(options))]
	});
}
