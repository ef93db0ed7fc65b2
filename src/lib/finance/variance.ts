import { statement, type StatementLine } from './statement';
import type { LedgerRow } from './types';

/** When a difference needs an explanation: above an amount and/or a percentage of the budget. */
export interface VarianceThreshold {
	/** euro */
	amount: number;
	/** per cent of the begroting na wijziging */
	percent: number;
	/** `en`: both must be exceeded; `of`: either is enough */
	combine: 'en' | 'of';
}

/** An explanation of a difference, written by the controller in the financial settings file. */
export interface Explanation {
	year: number;
	doel: string;
	column?: VarianceColumn;
	text: string;
}

/** The columns compared. */
export type VarianceColumn = 'lasten' | 'baten' | 'saldo';

/** Realisatie against the begroting na wijziging for one doel and column. */
export interface Variance {
	doel: string;
	name: string;
	column: VarianceColumn;
	budget: number;
	actual: number;
	/** realisatie − begroting na wijziging */
	difference: number;
	/** difference as a percentage of the budget; null when the budget is 0 */
	percent: number | null;
	flagged: boolean;
	/**
	 * for saldo: the column whose movement it only repeats (saldo = lasten − baten, so a saldo that
	 * moves with the lasten alone is the lasten's deviation, not a second one); null otherwise
	 */
	sameAs: 'lasten' | 'baten' | null;
	explanation: string | null;
}

/**
 * Variance analysis per doel: realisatie against the begroting na wijziging (the actuele begroting),
 * flagged above the threshold, with the controller's explanation when there is one. Empty when the
 * year has no realisatie yet.
 */
export function variances(options: {
	ledger: LedgerRow[];
	year: number;
	threshold: VarianceThreshold;
	explanations: Explanation[];
}): Variance[] {
	const { ledger, year, threshold, explanations } = options;
	const doelen = (lines: StatementLine[]) => lines.filter((l) => l.level === 'doel');
	const budget = doelen(statement({ ledger, year, phase: 'begroting na wijziging' }));
	const actual = doelen(statement({ ledger, year, phase: 'realisatie' }));
	if (actual.length === 0) return [];
	const out: Variance[] = [];
	for (const b of budget) {
		const a = actual.find((x) => x.code === b.code);
		if (!a) continue;
		const explain = (column: VarianceColumn) =>
			explanations.find((e) => e.year === year && e.doel === b.code && (!e.column || e.column === column))
				?.text ?? null;
		const moved = (column: 'lasten' | 'baten') => a[column] !== b[column];
		// saldo = lasten − baten: when every column that moved is explained, so is the saldo.
		const explainSaldo = () => {
			const parts = (['lasten', 'baten'] as const).filter(moved).map((c) => [c, explain(c)] as const);
			if (parts.length === 0 || parts.some(([, text]) => text === null)) return null;
			return parts.length === 1 ? parts[0]![1] : parts.map(([c, text]) => `${c}: ${text}`).join(' ');
		};
		for (const column of ['lasten', 'baten', 'saldo'] as const) {
			const difference = a[column] - b[column];
			const percent = b[column] === 0 ? null : (difference / Math.abs(b[column])) * 100;
			const sameAs =
				column !== 'saldo'
					? null
					: moved('lasten') && !moved('baten')
						? 'lasten'
						: moved('baten') && !moved('lasten')
							? 'baten'
							: null;
			out.push({
				doel: b.code,
				name: b.name,
				column,
				budget: b[column],
				actual: a[column],
				difference,
				percent,
				flagged: isFlagged({ difference, percent, threshold }),
				sameAs,
				explanation: explain(column) ?? (column === 'saldo' ? explainSaldo() : null)
			});
		}
	}
	return out;
}

/** Whether a difference exceeds the threshold (a zero budget: the amount alone decides). */
export function isFlagged(options: {
	difference: number;
	percent: number | null;
	threshold: VarianceThreshold;
}): boolean {
	const { difference, percent, threshold } = options;
	const overAmount = Math.abs(difference) > threshold.amount;
	if (percent === null) return overAmount;
	const overPercent = Math.abs(percent) > threshold.percent;
	return threshold.combine === 'en' ? overAmount && overPercent : overAmount || overPercent;
}

/** Lasten of a doel set beside a volume indicator of the same year (e.g. lasten per client). */
export interface CostPerResult {
	doel: string;
	name: string;
	year: number;
	/** the phase the lasten come from: realisatie when there is one, else begroting na wijziging */
	phase: 'realisatie' | 'begroting na wijziging';
	lasten: number;
	/** the volume as published (rounded; null when suppressed or not measured) */
	volume: number | null;
	unit: string;
	/** lasten / volume, computed after rounding; null without a volume */
	cost: number | null;
}

/** Cost per result per doel and year, from the ledger and the published volumes. */
export function costPerResult(options: {
	ledger: LedgerRow[];
	volumes: { doel: string; unit: string; year: number; value: number | null }[];
}): CostPerResult[] {
	const out: CostPerResult[] = [];
	for (const v of options.volumes) {
		const lines = (phase: CostPerResult['phase']) =>
			options.ledger.filter((r) => r.jaar === v.year && r.doel === v.doel && r.fase === phase);
		const realised = lines('realisatie');
		const phase = realised.length > 0 ? 'realisatie' : 'begroting na wijziging';
		const rows = realised.length > 0 ? realised : lines('begroting na wijziging');
		if (rows.length === 0) continue;
		const lasten = rows.reduce((a, r) => a + r.lasten, 0);
		out.push({
			doel: v.doel,
			name: rows[0]!.doel_naam,
			year: v.year,
			phase,
			lasten,
			volume: v.value,
			unit: v.unit,
			cost: v.value ? lasten / v.value : null
		});
	}
	return out.sort((a, b) => a.doel.localeCompare(b.doel) || a.year - b.year);
}
