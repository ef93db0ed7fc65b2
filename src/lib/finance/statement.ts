import type { LedgerRow, Phase } from './types';

/** One line of the overview of baten en lasten: a doel, a programme, or the total. */
export interface StatementLine {
	level: 'doel' | 'programma' | 'totaal';
	code: string;
	name: string;
	programme: string;
	lasten: number;
	baten: number;
	/** net cost: lasten − baten (the seed's convention) */
	saldo: number;
	toevoeging: number;
	onttrekking: number;
	/** saldo + toevoeging − onttrekking */
	resultaat: number;
}

/** The amounts of a statement line, in one place so every sum uses the same columns. */
export const AMOUNT_KEYS = ['lasten', 'baten', 'saldo', 'toevoeging', 'onttrekking', 'resultaat'] as const;
/** An amount column of a statement line. */
export type AmountKey = (typeof AMOUNT_KEYS)[number];

/**
 * Dutch labels of the amount columns, as the document of the phase prints them: a begroting
 * estimates its result (geraamd), a jaarrekening reports what was realised (gerealiseerd).
 */
export function amountLabels(phase: Phase): Record<AmountKey, string> {
	return {
		lasten: 'Lasten',
		baten: 'Baten',
		saldo: 'Saldo',
		toevoeging: 'Toevoeging aan reserves',
		onttrekking: 'Onttrekking aan reserves',
		resultaat: resultLabel(phase)
	};
}

/** The result column's name in a phase: "Geraamd resultaat" or "Gerealiseerd resultaat". */
function resultLabel(phase: Phase): string {
	switch (phase) {
		case 'primitieve begroting':
		case 'begroting na wijziging':
			return 'Geraamd resultaat';
		case 'realisatie':
			return 'Gerealiseerd resultaat';
	}
}

/**
 * The overview of baten en lasten for one year and phase, computed from the ledger: per doel,
 * then its programme, and the total last, in the layout of the begroting.
 */
export function statement(options: { ledger: LedgerRow[]; year: number; phase: Phase }): StatementLine[] {
	const rows = options.ledger.filter((r) => r.jaar === options.year && r.fase === options.phase);
	const doelen = new Map<string, StatementLine>();
	for (const r of rows) {
		const line = doelen.get(r.doel) ?? emptyLine('doel', r.doel, r.doel_naam, r.programma);
		line.lasten += r.lasten;
		line.baten += r.baten;
		line.toevoeging += r.toevoeging_reserves;
		line.onttrekking += r.onttrekking_reserves;
		doelen.set(r.doel, line);
	}
	for (const line of doelen.values()) complete(line);
	const programmes = [...new Set([...doelen.values()].map((d) => d.programme))].sort(compareCodes);
	const out: StatementLine[] = [];
	const total = emptyLine('totaal', 'totaal', 'Totaal', '');
	for (const p of programmes) {
		const members = [...doelen.values()]
			.filter((d) => d.programme === p)
			.sort((a, b) => compareCodes(a.code, b.code));
		out.push(...members);
		const programme = sumLines(emptyLine('programma', p, `Programma ${p}`, p), members);
		out.push(programme);
		sumLines(total, [programme]);
	}
	if (out.length > 0) out.push(total);
	return out;
}

function emptyLine(
	level: StatementLine['level'],
	code: string,
	name: string,
	programme: string
): StatementLine {
	return {
		level,
		code,
		name,
		programme,
		lasten: 0,
		baten: 0,
		saldo: 0,
		toevoeging: 0,
		onttrekking: 0,
		resultaat: 0
	};
}

function complete(line: StatementLine): void {
	line.saldo = line.lasten - line.baten;
	line.resultaat = line.saldo + line.toevoeging - line.onttrekking;
}

function sumLines(into: StatementLine, lines: StatementLine[]): StatementLine {
	for (const l of lines) for (const k of AMOUNT_KEYS) into[k] += l[k];
	return into;
}

/** Orders codes like 2.1.10 after 2.1.9. */
export function compareCodes(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? -1) - (pb[i] ?? -1);
		if (d !== 0 && !Number.isNaN(d)) return d;
	}
	return a.localeCompare(b);
}

/**
 * How a saldo is written. `netto-lasten`: lasten − baten, as the seed does (a positive saldo is a
 * cost). `baten-min-lasten`: baten − lasten with V (voordelig) or N (nadelig), as many begrotingen do.
 */
export type SignConvention = 'netto-lasten' | 'baten-min-lasten';

/** A net-cost amount (saldo or resultaat) in the chosen convention. */
export function presentNet(options: { value: number; convention: SignConvention }): {
	amount: number;
	vn: 'V' | 'N' | null;
} {
	if (options.convention === 'netto-lasten') return { amount: options.value, vn: null };
	const amount = -options.value;
	return { amount: Math.abs(amount), vn: amount >= 0 ? 'V' : 'N' };
}

/** The sign convention in one Dutch sentence, shown with every overview, its result named for the phase. */
export function describeConvention(options: { convention: SignConvention; phase: Phase }): string {
	const result = resultLabel(options.phase);
	return options.convention === 'netto-lasten'
		? `Saldo = lasten − baten (netto lasten; een positief saldo is een kostenpost), zoals de begroting het toont. ${result} = saldo + toevoeging aan reserves − onttrekking aan reserves.`
		: `Saldo = baten − lasten, met V (voordelig) of N (nadelig). ${result} = saldo − toevoeging aan reserves + onttrekking aan reserves.`;
}
