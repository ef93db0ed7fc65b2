import * as Plot from '@observablehq/plot';
import { formatNumber } from '../format';
import { CHART_TEXT_SIZE } from './figure';

type Cell = string | number | boolean | null;

/**
 * A quick chart of a query result, when its shape allows one: a label or year column and a number
 * column. Years give a line, labels give ranked bars (at most 40). Null when no chart fits.
 */
export function quickChart(options: {
	rows: Record<string, Cell>[];
	document: Document;
	width?: number;
}): Element | null {
	const { rows } = options;
	if (rows.length < 2) return null;
	const columns = Object.keys(rows[0]!);
	const numeric = columns.filter((c) => rows.every((r) => r[c] === null || typeof r[c] === 'number'));
	const isYear = (c: string) =>
		numeric.includes(c) &&
		rows.every(
			(r) => r[c] === null || (Number.isInteger(r[c]) && (r[c] as number) > 1900 && (r[c] as number) < 2200)
		);
	const x =
		columns.find((c) => /^(jaar|year)$/i.test(c) && isYear(c)) ?? columns.find((c) => !numeric.includes(c));
	const y = numeric.find((c) => c !== x && !isYear(c));
	if (!x || !y) return null;
	const label = columns.find((c) => c !== x && c !== y && !numeric.includes(c));
	const base = { document: options.document, className: 'koers-plot', width: options.width ?? 640 };
	if (isYear(x)) {
		const z = label;
		return Plot.plot({
			...base,
			height: 260,
			marginLeft: 60,
			ariaLabel: `${y} per ${x}`,
			ariaDescription: 'Een snelle grafiek van het resultaat; de tabel geeft alle waarden.',
			x: { label: x, tickFormat: (d: number) => String(d) },
			y: { label: y, grid: true, tickFormat: (d: number) => formatNumber(d, { decimals: 0 }) },
			marks: [
				Plot.lineY(rows, { x, y, ...(z ? { z, strokeDasharray: z } : {}), stroke: '#1f4e79' }),
				Plot.dot(rows, { x, y, ...(z ? { symbol: z } : {}), fill: '#1f4e79' })
			]
		});
	}
	const data = rows.filter((r) => r[y] !== null).slice(0, 40);
	return Plot.plot({
		...base,
		height: 18 * data.length + 50,
		marginLeft: 170,
		marginRight: 60,
		ariaLabel: `${y} per ${x}`,
		ariaDescription:
			'Een snelle grafiek van het resultaat (hoogstens 40 staven); de tabel geeft alle waarden.',
		x: { label: y, grid: true, tickFormat: (d: number) => formatNumber(d, { decimals: 0 }) },
		y: { label: null },
		marks: [
			Plot.barX(data, {
				x: y,
				y: (r: Record<string, Cell>) => String(r[x]),
				fill: '#1f4e79',
				sort: { y: '-x' }
			}),
			Plot.text(data, {
				x: y,
				y: (r: Record<string, Cell>) => String(r[x]),
				text: (r: Record<string, Cell>) => formatNumber(r[y] as number, { decimals: 1 }),
				dx: 4,
				textAnchor: 'start',
				fontSize: CHART_TEXT_SIZE
			})
		]
	});
}
