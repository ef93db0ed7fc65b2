import { formatNumber } from '../format';
import type { Variance, VarianceColumn } from './variance';

/** One deviation: a doel whose realisatie differs from the begroting na wijziging above the threshold. */
export interface Deviation {
	doel: string;
	name: string;
	/** the columns above the threshold (a saldo that only repeats its lasten or baten included) */
	columns: VarianceColumn[];
	/** every column above the threshold is explained (a repeated saldo by its column's explanation) */
	explained: boolean;
}

/**
 * The deviations of a year, counted once per doel: lasten, baten and saldo above the threshold in
 * one doel are one deviation, explained when each of those columns is (see Variance.sameAs).
 */
export function deviations(options: { variances: readonly Variance[] }): Deviation[] {
	const byDoel = new Map<string, Deviation>();
	for (const v of options.variances) {
		if (!v.flagged) continue;
		const d = byDoel.get(v.doel) ?? { doel: v.doel, name: v.name, columns: [], explained: true };
		d.columns.push(v.column);
		d.explained &&= v.explanation !== null;
		byDoel.set(v.doel, d);
	}
	return [...byDoel.values()];
}

/** How many deviations a year has, and how many lack an explanation, in one Dutch sentence. */
export function deviationSummary(options: { deviations: readonly Deviation[] }): {
	count: number;
	unexplained: number;
	text: string;
} {
	const count = options.deviations.length;
	const unexplained = options.deviations.filter((d) => !d.explained).length;
	const text = `${formatNumber(count)} ${count === 1 ? 'doel' : 'doelen'} met een afwijking boven de drempel, waarvan ${formatNumber(unexplained)} zonder toelichting`;
	return { count, unexplained, text };
}
