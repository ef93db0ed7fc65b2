import * as Plot from '@observablehq/plot';
import { formatValue, type Unit } from '../format';
import { CHART_TEXT_SIZE } from './figure';
import type { Observation } from '../indicators/types';

const STYLES = [
	{ stroke: '#1f4e79', dash: null, symbol: 'circle' },
	{ stroke: '#8a4b00', dash: '6 3', symbol: 'square' },
	{ stroke: '#2e6b30', dash: '2 2', symbol: 'triangle' },
	{ stroke: '#6a1b5a', dash: '8 2 2 2', symbol: 'diamond' }
] as const;

/**
 * Several gemeenten on one indicator over the years. Each line has its own dash and marker and is
 * labelled at its end, so the chart reads without colour.
 */
export function compareChart(options: {
	series: { label: string; observations: Observation[] }[];
	unit: Unit;
	document: Document;
	width?: number;
}): Element {
	const { unit } = options;
	const marks: Plot.Markish[] = [];
	options.series.forEach((s, i) => {
		const style = STYLES[i % STYLES.length]!;
		const points = s.observations.filter((o) => o.value !== null);
		marks.push(
			// All observations: a suppressed year breaks the line instead of being bridged.
			Plot.lineY(s.observations, {
				x: 'year',
				y: 'value',
				stroke: style.stroke,
				strokeWidth: 2,
				...(style.dash ? { strokeDasharray: style.dash } : {})
			}),
			Plot.dot(points, { x: 'year', y: 'value', fill: style.stroke, symbol: style.symbol, r: 3.5 }),
			Plot.text(points.slice(-1), {
				x: 'year',
				y: 'value',
				text: () => s.label,
				dx: 8,
				textAnchor: 'start',
				fontSize: CHART_TEXT_SIZE,
				fill: style.stroke
			})
		);
	});
	const years = options.series.flatMap((s) => s.observations.map((o) => o.year));
	return Plot.plot({
		document: options.document,
		className: 'koers-plot',
		width: options.width ?? 640,
		height: 260,
		marginLeft: 56,
		marginRight: 90,
		ariaLabel: `Vergelijking van ${options.series.map((s) => s.label).join(' en ')}`,
		ariaDescription: options.series
			.map(
				(s) =>
					`${s.label}: ${s.observations.map((o) => `${o.year} ${formatValue(o.value, unit, 'onderdrukt')}`).join(', ')}`
			)
			.join('. '),
		x: {
			domain: [Math.min(...years), Math.max(...years)],
			label: null,
			tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '')
		},
		y: { label: null, grid: true, nice: true, zero: true, tickFormat: (d: number) => formatValue(d, unit) },
		marks
	});
}
