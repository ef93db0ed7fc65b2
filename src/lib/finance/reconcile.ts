import { formatNumber } from '../format';
import { compareCodes } from './statement';
import {
	RESERVES_TAAKVELD,
	remainingKrediet,
	type FinanceData,
	type Iv3Row,
	type KredietRow,
	type LedgerRow,
	type Phase
} from './types';

/** The kinds of reconciliation check, in the order the report lists them. */
export const CHECK_GROUPS = {
	saldo: 'Saldo = lasten − baten',
	resultaat: 'Geraamd resultaat = saldo + toevoeging − onttrekking',
	optelling: 'Doelen tellen op tot het programma, programma’s tot het totaal',
	grootboek: 'Document = financiële administratie per doel',
	iv3: 'Iv3-export per taakveld = financiële administratie',
	kredieten: 'Kredieten: resterend en ramingen, subtotalen en totaal'
} as const;
/** A kind of check. */
export type CheckGroup = keyof typeof CHECK_GROUPS;

/**
 * One reconciliation check. `expected` is what the rule gives (or what the ledger says), `actual`
 * what the document or export states; the difference is actual − expected. Nothing is corrected.
 */
export interface Check {
	group: CheckGroup;
	year: number;
	phase: Phase | null;
	subject: string;
	rule: string;
	expected: number | null;
	actual: number | null;
	difference: number | null;
	passed: boolean;
	/** the check in one Dutch sentence, with the amounts */
	message: string;
}

/** The outcome: every check, and the checks that could not be done because an export is missing. */
export interface Reconciliation {
	checks: Check[];
	notPerformed: string[];
}

const euro = (x: number | null) => (x === null ? '–' : formatNumber(x, { decimals: 0 }));

/** A check as a rule states it; `reconcile` adds the year, the difference and the message. */
type CheckInput = Omit<Check, 'difference' | 'passed' | 'message' | 'year'> & { explain?: string };

/** What every group of checks needs: the year's figures, how to name a line, and where checks go. */
interface Books {
	data: FinanceData;
	year: number;
	ledger: FinanceData['ledger'];
	stated: FinanceData['stated'];
	label: (r: { niveau: string; code: string; omschrijving: string }) => string;
	programmeOf: (doel: string) => string;
	check: (c: CheckInput) => void;
	notPerformed: string[];
}

/**
 * Reconciles one year: the document's overview against its own arithmetic and against the ledger,
 * the Iv3 export against the ledger per taakveld, and the krediet overview. Amounts that differ by
 * at most `tolerance` euro pass (for documents rounded to thousands).
 */
export function reconcile(options: { data: FinanceData; year: number; tolerance: number }): Reconciliation {
	const { data, year, tolerance } = options;
	const checks: Check[] = [];
	const ledger = data.ledger.filter((r) => r.jaar === year);
	const books: Books = {
		data,
		year,
		ledger,
		stated: data.stated.filter((r) => r.jaar === year),
		label: (r) =>
			r.niveau === 'doel'
				? `Doel ${r.code} ${r.omschrijving}`
				: r.niveau === 'programma'
					? `Programma ${r.code} ${r.omschrijving}`
					: 'Totaal',
		programmeOf: (doel) => ledger.find((r) => r.doel === doel)?.programma ?? doel.split('.')[0] ?? doel,
		check: (c) => checks.push(judgeCheck({ input: c, year, tolerance })),
		notPerformed: []
	};
	statedArithmetic(books);
	statedAddsUp(books);
	statedAgainstLedger(books);
	iv3AgainstLedger(books);
	kredietLines(books);
	kredietTotals(books);
	return { checks, notPerformed: books.notPerformed };
}

/** Whether a check passes (difference within the tolerance), and its sentence with the amounts. */
function judgeCheck(options: { input: CheckInput; year: number; tolerance: number }): Check {
	const { input: c, year, tolerance } = options;
	const difference = c.expected === null || c.actual === null ? null : round2(c.actual - c.expected);
	const passed = difference !== null && Math.abs(difference) <= tolerance;
	const amounts =
		difference === null
			? (c.explain ?? '')
			: `verwacht ${euro(c.expected)}, staat er ${euro(c.actual)}, verschil ${euro(difference)}${c.explain && !passed ? ` (${c.explain})` : ''}`;
	return {
		group: c.group,
		year,
		phase: c.phase,
		subject: c.subject,
		rule: c.rule,
		expected: c.expected,
		actual: c.actual,
		difference,
		passed,
		message: `${c.subject}${c.phase ? `, ${c.phase} ${year}` : `, ${year}`}: ${c.rule}: ${amounts}.`
	};
}

/** Each line of the document: saldo = lasten − baten, and the geraamd resultaat from the saldo. */
function statedArithmetic({ data, stated, label, check, notPerformed }: Books): void {
	if (!data.delivered.stated) {
		notPerformed.push(
			'Het overzicht baten en lasten van het document (fin_overzicht) is niet aangeleverd: saldo, resultaat, optelling en aansluiting met de administratie zijn niet gecontroleerd.'
		);
	}
	for (const r of stated) {
		check({
			group: 'saldo',
			phase: r.fase,
			subject: label(r),
			rule: 'saldo = lasten − baten',
			expected: r.lasten - r.baten,
			actual: r.saldo
		});
		check({
			group: 'resultaat',
			phase: r.fase,
			subject: label(r),
			rule: 'geraamd resultaat = saldo + toevoeging − onttrekking',
			expected: r.saldo + r.toevoeging_reserves - r.onttrekking_reserves,
			actual: r.geraamd_resultaat,
			explain: 'telt een reservemutatie niet of verkeerd mee?'
		});
	}
}

const STATED_COLUMNS = [
	['lasten', 'lasten'],
	['baten', 'baten'],
	['saldo', 'saldo'],
	['toevoeging_reserves', 'toevoeging aan reserves'],
	['onttrekking_reserves', 'onttrekking aan reserves'],
	['geraamd_resultaat', 'geraamd resultaat']
] as const;

/** Doelen add up to their programme, programmes to the total, column by column. */
function statedAddsUp({ stated, label, programmeOf, check }: Books): void {
	for (const phase of unique(stated.map((r) => r.fase))) {
		const inPhase = stated.filter((r) => r.fase === phase);
		const programmes = inPhase
			.filter((r) => r.niveau === 'programma')
			.sort((a, b) => compareCodes(a.code, b.code));
		for (const p of programmes) {
			const doelen = inPhase.filter((r) => r.niveau === 'doel' && programmeOf(r.code) === p.code);
			for (const [key, name] of STATED_COLUMNS) {
				check({
					group: 'optelling',
					phase,
					subject: label(p),
					rule: `som van de doelen (${doelen.map((d) => d.code).join(', ') || 'geen'}) = programma, ${name}`,
					expected: sum(doelen.map((d) => d[key])),
					actual: p[key]
				});
			}
		}
		const total = inPhase.find((r) => r.niveau === 'totaal');
		if (!total) continue;
		for (const [key, name] of STATED_COLUMNS) {
			check({
				group: 'optelling',
				phase,
				subject: 'Totaal',
				rule: `som van de programma’s (${programmes.map((p) => p.code).join(', ')}) = totaal, ${name}`,
				expected: sum(programmes.map((p) => p[key])),
				actual: total[key]
			});
		}
	}
}

const LEDGER_COLUMNS = [
	['lasten', 'lasten'],
	['baten', 'baten'],
	['toevoeging_reserves', 'toevoeging aan reserves'],
	['onttrekking_reserves', 'onttrekking aan reserves']
] as const;

/** The document's doel lines against the ledger, and doelen only one of them has. */
function statedAgainstLedger({ data, stated, ledger, label, check }: Books): void {
	if (!data.delivered.stated) return;
	for (const phase of unique([...stated.map((r) => r.fase), ...ledger.map((r) => r.fase)])) {
		const docDoelen = stated.filter((r) => r.fase === phase && r.niveau === 'doel');
		const bookDoelen = unique(ledger.filter((r) => r.fase === phase).map((r) => r.doel));
		for (const d of docDoelen) {
			const lines = ledger.filter((r) => r.fase === phase && r.doel === d.code);
			if (lines.length === 0) {
				check({
					group: 'grootboek',
					phase,
					subject: label(d),
					rule: 'doel staat in het document maar niet in de financiële administratie',
					expected: null,
					actual: d.lasten,
					explain: `lasten volgens het document ${euro(d.lasten)}; geen regels in fin_baten_lasten`
				});
				continue;
			}
			for (const [key, name] of LEDGER_COLUMNS) {
				check({
					group: 'grootboek',
					phase,
					subject: label(d),
					rule: `${name}: document = administratie (som over de taakvelden ${unique(lines.map((l) => l.taakveld)).join(', ')})`,
					expected: sum(lines.map((l) => l[key])),
					actual: d[key]
				});
			}
		}
		for (const doel of bookDoelen.filter((code) => !docDoelen.some((d) => d.code === code))) {
			const lines = ledger.filter((r) => r.fase === phase && r.doel === doel);
			check({
				group: 'grootboek',
				phase,
				subject: `Doel ${doel} ${lines[0]?.doel_naam ?? ''}`.trim(),
				rule: 'doel staat in de financiële administratie maar niet in het overzicht van het document',
				expected: sum(lines.map((l) => l.lasten)),
				actual: null,
				explain: `lasten volgens de administratie ${euro(sum(lines.map((l) => l.lasten)))}; geen regel in fin_overzicht`
			});
		}
	}
}

/** The Iv3 export per taakveld against the ledger; a taakveld without a doel is missing from the mapping. */
function iv3AgainstLedger({ data, year, ledger, check, notPerformed }: Books): void {
	if (!data.delivered.iv3) {
		notPerformed.push(
			'De Iv3-export (fin_iv3) is niet aangeleverd: de aansluiting per taakveld is niet gecontroleerd.'
		);
		return;
	}
	const iv3 = data.iv3.filter((r) => r.jaar === year);
	const taakveldName = (code: string) =>
		data.taakvelden.find((t) => t.code === code && t.van <= year && year <= t.tot)?.naam ?? '';
	for (const phase of unique([...iv3.map((r) => r.fase), ...ledger.map((r) => r.fase)])) {
		const book = ledger.filter((r) => r.fase === phase);
		const exported = iv3.filter((r) => r.fase === phase);
		const codes = unique([
			...exported.map((r) => r.taakveld),
			...book.map((r) => r.taakveld),
			RESERVES_TAAKVELD
		]).sort(compareCodes);
		for (const code of codes) {
			const taakveld = {
				subject: `Taakveld ${code} ${taakveldName(code)}`.trim(),
				row: exported.find((r) => r.taakveld === code),
				lines: book.filter((r) => r.taakveld === code)
			};
			for (const c of code === RESERVES_TAAKVELD
				? reservesTaakveld({ ...taakveld, book })
				: iv3Taakveld(taakveld))
				check({ ...c, group: 'iv3', phase });
		}
	}
}

type TaakveldCheck = Omit<CheckInput, 'group' | 'phase'>;

/** Taakveld 0.10 carries the reserve mutations of every doel: lasten the toevoegingen, baten the onttrekkingen. */
function reservesTaakveld(options: {
	subject: string;
	row: Iv3Row | undefined;
	book: LedgerRow[];
}): TaakveldCheck[] {
	const { subject, row, book } = options;
	return [
		{
			subject,
			rule: 'lasten op 0.10 = som van de toevoegingen aan reserves',
			expected: sum(book.map((r) => r.toevoeging_reserves)),
			actual: row?.lasten ?? 0
		},
		{
			subject,
			rule: 'baten op 0.10 = som van de onttrekkingen aan reserves',
			expected: sum(book.map((r) => r.onttrekking_reserves)),
			actual: row?.baten ?? 0
		}
	];
}

/** One taakveld of the Iv3 export against the ledger lines booked on it. */
function iv3Taakveld(options: {
	subject: string;
	row: Iv3Row | undefined;
	lines: LedgerRow[];
}): TaakveldCheck[] {
	const { subject, row, lines } = options;
	if (lines.length === 0)
		return [
			{
				subject,
				rule: 'taakveld staat in de Iv3-export maar is aan geen doel gekoppeld',
				expected: null,
				actual: row?.lasten ?? null,
				explain: `lasten ${euro(row?.lasten ?? null)}, baten ${euro(row?.baten ?? null)} in de Iv3-export; voeg het taakveld toe aan de koppeling taakveld → doel (fin_baten_lasten)`
			}
		];
	const doelen = unique(lines.map((l) => l.doel)).join(', ');
	if (!row)
		return [
			{
				subject,
				rule: `taakveld van doel ${doelen} ontbreekt in de Iv3-export`,
				expected: sum(lines.map((l) => l.lasten)),
				actual: null,
				explain: `lasten volgens de administratie ${euro(sum(lines.map((l) => l.lasten)))}`
			}
		];
	return [
		{
			subject,
			rule: `lasten: Iv3 = administratie (doel ${doelen})`,
			expected: sum(lines.map((l) => l.lasten)),
			actual: row.lasten
		},
		{
			subject,
			rule: `baten: Iv3 = administratie (doel ${doelen})`,
			expected: sum(lines.map((l) => l.baten)),
			actual: row.baten
		}
	];
}

/** Each krediet: resterend = omvang − gerealiseerd (when stated), and the ramingen add up to it. */
function kredietLines({ data, year, check }: Books): void {
	for (const k of data.kredieten.filter((r) => r.jaar === year)) {
		const subject = `Krediet "${k.krediet}" (doel ${k.doel}, ${k.status})`;
		if (k.resterend !== null) {
			check({
				group: 'kredieten',
				phase: null,
				subject,
				rule: 'resterend = omvang − gerealiseerd',
				expected: k.omvang - k.gerealiseerd_tm_vorig_jaar,
				actual: k.resterend
			});
		}
		const ramingen = rampSum(k);
		const remainder = remainingKrediet(k);
		check({
			group: 'kredieten',
			phase: null,
			subject,
			rule: 'ramingen tellen op tot het resterend krediet',
			expected: remainder,
			actual: ramingen,
			explain:
				ramingen > remainder
					? `de ramingen (${euro(ramingen)}) zijn hoger dan het resterend krediet (${euro(remainder)})`
					: `de ramingen (${euro(ramingen)}) dekken het resterend krediet (${euro(remainder)}) niet`
		});
	}
}

/** The subtotals and total of the krediet overview against the sum of their kredieten. */
function kredietTotals({ data, year, check, notPerformed }: Books): void {
	const kredieten = data.kredieten.filter((k) => k.jaar === year);
	if (!data.delivered.kredietTotals && kredieten.length > 0) {
		notPerformed.push(
			'De subtotalen en het totaal van het overzicht kredieten (fin_kredieten_totalen) zijn niet aangeleverd: de optelling is niet gecontroleerd.'
		);
	}
	const columns = [
		['omvang', 'omvang', (k: KredietRow) => k.omvang],
		['gerealiseerd_tm_vorig_jaar', 'gerealiseerd', (k: KredietRow) => k.gerealiseerd_tm_vorig_jaar],
		['resterend', 'resterend', remainingKrediet],
		['raming_vorig_jaar', `raming ${year - 1}`, (k: KredietRow) => k.raming_vorig_jaar],
		['raming_begrotingsjaar', `raming ${year}`, (k: KredietRow) => k.raming_begrotingsjaar],
		['raming_later', `raming ${year + 1} en verder`, (k: KredietRow) => k.raming_later]
	] as const;
	for (const t of data.kredietTotals.filter((r) => r.jaar === year)) {
		const lines = kredieten.filter(
			(k) => k.doel === t.doel && (t.regel === 'totaal' || t.regel === `subtotaal ${k.status}e mutaties`)
		);
		for (const [key, name, value] of columns) {
			check({
				group: 'kredieten',
				phase: null,
				subject: `Doel ${t.doel}, ${t.regel}`,
				rule: `${name}: ${t.regel} = som van de kredieten (${lines.length})`,
				expected: sum(lines.map(value)),
				actual: t[key]
			});
		}
	}
}

function rampSum(k: KredietRow): number {
	return k.raming_vorig_jaar + k.raming_begrotingsjaar + k.raming_later;
}

function sum(values: number[]): number {
	return round2(values.reduce((a, b) => a + b, 0));
}

function round2(x: number): number {
	return Math.round(x * 100) / 100;
}

function unique<T>(values: T[]): T[] {
	return [...new Set(values)];
}

/**
 * The parent of an Iv3 taakveld for series across years: the 2023 sub-codes (6.71a, 6.73b …) roll
 * up to the code they succeed (6.71, 6.72), so a time series stays continuous.
 */
export function rollUpTaakveld(options: {
	code: string;
	taakvelden: { code: string; opvolger_van: string | null }[];
}): string {
	const t = options.taakvelden.find(
		(x) => x.code === options.code && x.opvolger_van && x.opvolger_van !== x.code
	);
	return t?.opvolger_van ?? options.code;
}
