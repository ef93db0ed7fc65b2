import * as Plot from '@observablehq/plot';
import { formatNumber, formatValue, type Unit } from '../format';
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

/**
 * The trend of a streefdoel: realisatie per year (with the 95% margin band for survey figures), the
 * nulsituatie and the norm as reference marks, and optionally a comparison series. Meaning never
 * rests on colour alone: series differ in dash and marker, reference marks are labelled.
 */
export function trendChart(options: TrendChartOptions): Element {
	const { unit, norm, baseline, label } = options;
	const toPoints = (obs: Observation[], series: string): Point[] =>
		obs.map((o) => {
			const margin = o.value !== null && o.standardError ? Z_95 * o.standardError : null;
			return {
				year: o.year,
				value: o.value,
				low: margin !== null ? o.value! - margin : null,
				high: margin !== null ? o.value! + margin : null,
				series
			};
		});
	const main = toPoints(options.observations, label);
	const other = options.comparison ? toPoints(options.comparison.observations, options.comparison.label) : [];
	const years = [...main, ...other].map((p) => p.year);
	if (norm.kind !== 'none') years.push(norm.year);
	if (baseline.kind === 'value') years.push(baseline.year);
	const domainX: [number, number] = [Math.min(...years), Math.max(...years)];

	const marks: Plot.Markish[] = [];
	const references: { year: number; value: number; text: string }[] = [];
	if (baseline.kind === 'value')
		references.push({
			year: baseline.year,
			value: baseline.value,
			text: `nulsituatie ${formatValue(baseline.value, unit)}`
		});
	switch (norm.kind) {
		case 'target':
		case 'minimum':
		case 'maximum':
			references.push({
				year: norm.year,
				value: norm.value,
				text: `norm ${norm.year}: ${formatValue(norm.value, unit)}`
			});
			for (const m of norm.kind === 'target' ? (norm.milestones ?? []) : [])
				references.push({ year: m.year, value: m.value, text: `streefcijfer ${m.year}` });
			break;
		case 'rise':
		case 'fall': {
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
					})
				);
				marks.push(
					Plot.text([{ year: norm.year, value: ref }], {
						x: 'year',
						y: 'value',
						text: () =>
							`norm ${norm.year}: ${norm.kind === 'rise' ? 'hoger' : 'lager'} dan ${norm.referenceYear}`,
						dx: 6,
						dy: norm.kind === 'rise' ? 12 : -12,
						textAnchor: 'start',
						fontSize: 11
					})
				);
			}
			break;
		}
		case 'none':
			break;
	}
	if (norm.kind !== 'none')
		marks.push(
			Plot.ruleX([norm.year], { stroke: 'currentColor', strokeOpacity: 0.35, strokeDasharray: '1 3' })
		);

	const band = main.filter((p) => p.low !== null);
	if (band.length > 0)
		marks.push(
			Plot.areaY(band, { x: 'year', y1: 'low', y2: 'high', fill: 'currentColor', fillOpacity: 0.12 })
		);
	if (other.length > 0) {
		marks.push(
			Plot.lineY(other, {
				x: 'year',
				y: 'value',
				stroke: '#8a4b00',
				strokeDasharray: '6 3',
				strokeWidth: 1.5
			})
		);
		marks.push(Plot.dot(other, { x: 'year', y: 'value', symbol: 'square', fill: '#8a4b00', r: 3.5 }));
	}
	marks.push(Plot.lineY(main, { x: 'year', y: 'value', stroke: '#1f4e79', strokeWidth: 2 }));
	marks.push(
		Plot.dot(main, {
			x: 'year',
			y: 'value',
			fill: '#1f4e79',
			r: 3.5,
			title: (p: Point) => `${p.year}: ${formatValue(p.value, unit)}`
		})
	);
	if (references.length > 0) {
		marks.push(
			Plot.dot(references, {
				x: 'year',
				y: 'value',
				symbol: 'diamond',
				stroke: 'currentColor',
				fill: 'white',
				r: 5,
				strokeWidth: 1.5
			})
		);
		marks.push(Plot.text(references, { x: 'year', y: 'value', text: 'text', dy: -12, fontSize: 11 }));
	}

	const describe = [
		`Realisatie ${label}: ${main.map((p) => `${p.year} ${formatValue(p.value, unit, 'onderdrukt')}`).join(', ')}.`,
		other.length > 0
			? `Ter vergelijking ${options.comparison!.label}: ${other.map((p) => `${p.year} ${formatValue(p.value, unit, 'onderdrukt')}`).join(', ')}.`
			: ''
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
		marks
	});
}
