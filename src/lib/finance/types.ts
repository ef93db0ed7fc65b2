import type { RowOf } from '../schemas/column';
import type {
	batenLastenSchema,
	iv3Schema,
	kredietSchema,
	kredietTotalenSchema,
	overzichtSchema
} from '../schemas/financien';

/** Budget phases: separate figures, never overwritten. Variance is measured against the amended one. */
export const PHASES = ['primitieve begroting', 'begroting na wijziging', 'realisatie'] as const;
/** A budget phase. */
export type Phase = (typeof PHASES)[number];

/** One ledger line: a doel's amounts on one Iv3 taakveld in one phase (fin_baten_lasten, published `baten_lasten`). */
export type LedgerRow = RowOf<typeof batenLastenSchema>;

/** One line of the overview of baten en lasten as the document states it, saldo as net cost (fin_overzicht). */
export type StatedRow = RowOf<typeof overzichtSchema>;

/**
 * One krediet line, as delivered and published (the schema of fin_kredieten). `resterend` is the
 * figure the document states, or null when the export leaves it out.
 */
export type KredietRow = RowOf<typeof kredietSchema>;

/**
 * What is left of a krediet: the figure the document states, or else omvang − gerealiseerd t/m
 * vorig jaar (the rule the reconciliation checks a stated figure against).
 */
export function remainingKrediet(
	k: Pick<KredietRow, 'resterend' | 'omvang' | 'gerealiseerd_tm_vorig_jaar'>
): number {
	return k.resterend ?? k.omvang - k.gerealiseerd_tm_vorig_jaar;
}

/** A subtotal or total line of the krediet overview as the document states it (fin_kredieten_totalen). */
export type KredietTotalRow = RowOf<typeof kredietTotalenSchema>;

/** One line of the Iv3 export per taakveld (fin_iv3). */
export type Iv3Row = RowOf<typeof iv3Schema>;

/** An Iv3 taakveld with the years it is valid and the code it succeeds (the 2023 split). */
export interface Taakveld {
	code: string;
	naam: string;
	van: number;
	tot: number;
	opvolger_van: string | null;
}

/** All financial figures of one gemeente. Optional exports that were not delivered are empty. */
export interface FinanceData {
	ledger: LedgerRow[];
	stated: StatedRow[];
	kredieten: KredietRow[];
	kredietTotals: KredietTotalRow[];
	iv3: Iv3Row[];
	taakvelden: Taakveld[];
	/** which optional exports were delivered */
	delivered: { stated: boolean; kredietTotals: boolean; iv3: boolean };
}

/** The taakveld on which reserve mutations are booked in Iv3. */
export const RESERVES_TAAKVELD = '0.10';
