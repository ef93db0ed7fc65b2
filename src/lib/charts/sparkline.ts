import { formatValue, type Unit } from '../format';
import type { Observation } from '../indicators/types';

/** Options of {@link sparkline}. */
export interface SparklineOptions {
	observations: readonly Observation[];
	unit: Unit;
	/** what the line shows, for its text alternative ("Gebruik huishoudelijke ondersteuning") */
	label: string;
	width?: number;
	height?: number;
}

/**
 * A small line of the realisaties as SVG markup, with its text alternative as aria-label: no style
 * attributes (the CSP allows stylesheets only), colours come from the `.sparkline` CSS. A suppressed
 * year breaks the line; the latest value gets a dot. Null without two published values.
 */
export function sparkline(options: SparklineOptions): string | null {
	const { unit, width = 96, height = 24 } = options;
	const sorted = [...options.observations].sort((a, b) => a.year - b.year);
	const known = sorted.filter((o): o is Observation & { value: number } => o.value !== null);
	if (known.length < 2) return null;
	const first = sorted[0]!.year;
	const last = sorted.at(-1)!.year;
	const values = known.map((o) => o.value);
	const min = Math.min(...values);
	const max = Math.max(...values);
	const pad = 3;
	const x = (year: number) => pad + ((year - first) / Math.max(1, last - first)) * (width - 2 * pad);
	// A flat series sits in the middle rather than on an edge.
	const y = (v: number) =>
		max === min ? height / 2 : pad + (1 - (v - min) / (max - min)) * (height - 2 * pad);
	const round = (n: number) => Math.round(n * 10) / 10;
	let path = '';
	let pen = false;
	for (const o of sorted) {
		if (o.value === null) {
			pen = false;
			continue;
		}
		path += `${pen ? 'L' : 'M'}${round(x(o.year))},${round(y(o.value))}`;
		pen = true;
	}
	const end = known.at(-1)!;
	const text = `Verloop ${first}–${last}: van ${formatValue(known[0]!.value, unit)} (${known[0]!.year}) naar ${formatValue(end.value, unit)} (${end.year}), laagste ${formatValue(min, unit)}, hoogste ${formatValue(max, unit)}`;
	return (
		`<svg class="sparkline" role="img" aria-label="${escapeAttribute(`${options.label}. ${text}`)}" ` +
		`width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
		`<path d="${path}" fill="none"/>` +
		`<circle cx="${round(x(end.year))}" cy="${round(y(end.value))}" r="2.5"/></svg>`
	);
}

function escapeAttribute(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
