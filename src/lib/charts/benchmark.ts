import type { Unit } from '../format';
import type { Benchmark } from '../measures/benchmark';
import { compareChart } from './compare';
import { figureMarkup } from './figure';

/** The benchmark's trend: the gemeente, Nederland and the peers' mean on one chart, as markup. */
export function benchmarkChartMarkup(options: {
	benchmark: Benchmark;
	unit: Unit;
	document: Document;
}): string {
	const { benchmark: b } = options;
	const series = [
		{
			label: b.gemeente?.name ?? 'Gemeente',
			observations: b.years.map((y) => ({ year: y.year, value: y.own }))
		},
		{
			label: b.nederlandLabel,
			observations: b.years.map((y) => ({ year: y.year, value: y.nederland.value }))
		},
		{ label: b.peersLabel, observations: b.years.map((y) => ({ year: y.year, value: y.peers.value })) }
	];
	return figureMarkup(compareChart({ series, unit: options.unit, document: options.document }));
}
