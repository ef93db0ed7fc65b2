import type { RowOf } from '../../src/lib/schemas/column';
import type { kredietSchema, kredietTotalenSchema } from '../../src/lib/schemas/financien';
import { remainingKrediet } from '../../src/lib/finance/types';
import { Random } from './random';

/** Doelen of the synthetic programme 2 Sociaal domein with their Iv3 taakvelden before and from 2023. */
const DOELEN = [
	{
		doel: '2.1.1',
		naam: 'Ondersteuning in de wijk',
		base: 11_400_000,
		baten: 0,
		before: ['6.2'],
		from2023: ['6.2']
	},
	{
		doel: '2.1.2',
		naam: 'Maatwerkvoorzieningen Wmo',
		base: 38_000_000,
		baten: 2_100_000,
		before: ['6.6', '6.71', '6.81'],
		from2023: ['6.6', '6.71a', '6.71b', '6.71c', '6.81a']
	},
	{
		doel: '2.1.3',
		naam: 'Jeugdhulp',
		base: 41_000_000,
		baten: 300_000,
		before: ['6.72', '6.82'],
		from2023: ['6.72a', '6.72b', '6.73a', '6.73b', '6.82a']
	},
	{
		doel: '2.2.1',
		naam: 'Werk en inkomen',
		base: 72_000_000,
		baten: 58_000_000,
		before: ['6.3', '6.4', '6.5'],
		from2023: ['6.3', '6.4', '6.5']
	}
];
/** The pre-2023 taakveld a sub-code succeeds (6.71a → 6.71, 6.73a → 6.72); other codes are their own. */
function parentOf(taakveld: string): string {
	if (/^6\.7[234][a-d]$/.test(taakveld)) return '6.72';
	return taakveld.replace(/[a-d]$/, '');
}

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const PHASES = ['primitieve begroting', 'begroting na wijziging', 'realisatie'] as const;

/** One row of the financial export. */
export interface BatenLastenRecord {
	jaar: number;
	programma: string;
	doel: string;
	doel_naam: string;
	taakveld: string;
	fase: (typeof PHASES)[number];
	lasten: number;
	baten: number;
	toevoeging_reserves: number;
	onttrekking_reserves: number;
}

/** One krediet line of the begroting. */
export type KredietRecord = RowOf<typeof kredietSchema>;

/** One bestedingsvoorstel. */
export interface BestedingRecord {
	jaar: number;
	soort: 'incidenteel' | 'structureel';
	nummer: number;
	doel: string;
	omschrijving: string;
	bedrag: number;
}

/** The seed's row: Zwolle begroting 2023, doel 2.1.1, reproduced exactly in the primitieve begroting. */
const SEED_2023_211 = {
	lasten: 12_216_821,
	baten: 0,
	toevoeging_reserves: 265_000,
	onttrekking_reserves: 118_000
};

/** The kredieten of the begroting (the seed document's 2.1.1 krediet among them); resterend follows from the rule. */
const KREDIETEN: Omit<KredietRecord, 'resterend'>[] = [
	{
		jaar: 2023,
		doel: '2.1.1',
		krediet: 'Voorbereidingskrediet SWT',
		status: 'voorgesteld',
		omvang: 265_000,
		gerealiseerd_tm_vorig_jaar: 0,
		raming_vorig_jaar: 0,
		raming_begrotingsjaar: 265_000,
		raming_later: 0
	},
	{
		jaar: 2023,
		doel: '2.1.2',
		krediet: 'Vervanging hulpmiddelendepot',
		status: 'vastgesteld',
		omvang: 1_200_000,
		gerealiseerd_tm_vorig_jaar: 450_000,
		raming_vorig_jaar: 300_000,
		raming_begrotingsjaar: 250_000,
		raming_later: 200_000
	},
	{
		jaar: 2023,
		doel: '2.1.3',
		krediet: 'Inrichting jeugdhulplocatie Holtenbroek',
		status: 'vastgesteld',
		omvang: 850_000,
		gerealiseerd_tm_vorig_jaar: 120_000,
		raming_vorig_jaar: 430_000,
		raming_begrotingsjaar: 300_000,
		raming_later: 0
	},
	{
		jaar: 2024,
		doel: '2.1.1',
		krediet: 'Voorbereidingskrediet SWT',
		status: 'vastgesteld',
		omvang: 265_000,
		gerealiseerd_tm_vorig_jaar: 0,
		raming_vorig_jaar: 265_000,
		raming_begrotingsjaar: 0,
		raming_later: 0
	}
];

/** The bestedingsvoorstellen of doel 2.1.1 in 2023 (the seed document). */
const BESTEDINGEN: BestedingRecord[] = [
	{
		jaar: 2023,
		soort: 'incidenteel',
		nummer: 11,
		doel: '2.1.1',
		omschrijving: 'Voorbereidingskrediet SWT',
		bedrag: 265_000
	},
	{
		jaar: 2023,
		soort: 'incidenteel',
		nummer: 12,
		doel: '2.1.1',
		omschrijving: 'Formatieuitbreiding SWT n.a.v. AEF onderzoek',
		bedrag: 350_000
	},
	{
		jaar: 2023,
		soort: 'incidenteel',
		nummer: 13,
		doel: '2.1.1',
		omschrijving: 'Aanpassing GIDSO Systeem',
		bedrag: 120_000
	},
	{
		jaar: 2023,
		soort: 'structureel',
		nummer: 9,
		doel: '2.1.1',
		omschrijving: 'Formatieuitbreiding SWT n.a.v. AEF onderzoek',
		bedrag: 480_000
	}
];

/** Generates the financial exports of programme 2 Sociaal domein, deterministic from the seed. */
export function generateFinancien(options: { seed: number }): {
	batenLasten: BatenLastenRecord[];
	kredieten: KredietRecord[];
	bestedingen: BestedingRecord[];
	overzicht: OverzichtRecord[];
	kredietTotalen: KredietTotaalRecord[];
	iv3: Iv3Record[];
} {
	const batenLasten = ledger(new Random(options.seed));
	const kredieten = KREDIETEN.map((k) => ({ ...k, resterend: remainingKrediet({ ...k, resterend: null }) }));
	return {
		batenLasten,
		kredieten,
		bestedingen: BESTEDINGEN.map((b) => ({ ...b })),
		overzicht: statedOverview(batenLasten),
		kredietTotalen: kredietTotals(kredieten),
		iv3: iv3Export(batenLasten)
	};
}

/**
 * The ledger: every doel on its taakvelden per year and phase. The split of a doel over its
 * taakvelden is stable over the years with a small yearly drift; 2023 doel 2.1.1 is the seed's row.
 */
function ledger(rng: Random): BatenLastenRecord[] {
	const batenLasten: BatenLastenRecord[] = [];
	// The split of a doel over its taakvelden is stable over the years, with a small yearly drift.
	const baseShares = new Map(DOELEN.map((d) => [d.doel, d.before.map(() => 0.5 + rng.next())]));
	for (const year of YEARS) {
		for (const d of DOELEN) {
			const growth = 1.035 ** (year - 2019);
			// Shares are drawn per pre-2023 taakveld; from 2023 each is split over its sub-codes, so the
			// series rolled up to the old codes stays continuous, as in a real ledger.
			const parentShares = baseShares.get(d.doel)!.map((x) => x * (1 + rng.normal(0, 0.04)));
			const taakvelden = year >= 2023 ? d.from2023 : d.before;
			const shares = taakvelden.map((t) => {
				const parent = d.before.indexOf(parentOf(t));
				const siblings = taakvelden.filter((x) => parentOf(x) === parentOf(t)).length;
				return parentShares[parent]! / siblings;
			});
			const total = shares.reduce((a, b) => a + b, 0);
			let amended = 1 + rng.normal(0, 0.03);
			let realised = amended * (1 + rng.normal(-0.01, 0.04));
			for (const [i, taakveld] of taakvelden.entries()) {
				const share = shares[i]! / total;
				const seed = year === 2023 && d.doel === '2.1.1';
				const base = {
					lasten: seed ? SEED_2023_211.lasten : Math.round(d.base * growth * share),
					baten: seed ? SEED_2023_211.baten : Math.round(d.baten * growth * share),
					toevoeging_reserves: seed
						? SEED_2023_211.toevoeging_reserves
						: i === 0
							? Math.round(rng.next() * 300) * 1000
							: 0,
					onttrekking_reserves: seed
						? SEED_2023_211.onttrekking_reserves
						: i === 0
							? Math.round(rng.next() * 200) * 1000
							: 0
				};
				for (const fase of PHASES) {
					const f =
						fase === 'primitieve begroting' ? 1 : fase === 'begroting na wijziging' ? amended : realised;
					batenLasten.push({
						jaar: year,
						programma: '2',
						doel: d.doel,
						doel_naam: d.naam,
						taakveld,
						fase,
						lasten: Math.round(base.lasten * f),
						baten: Math.round(base.baten * f),
						toevoeging_reserves: base.toevoeging_reserves,
						onttrekking_reserves: base.onttrekking_reserves
					});
				}
				amended = 1 + rng.normal(0, 0.03);
				realised = amended * (1 + rng.normal(-0.01, 0.04));
			}
		}
	}
	return batenLasten;
}

/** One line of the document's overview of baten en lasten (saldo as net cost). */
export interface OverzichtRecord {
	jaar: number;
	fase: string;
	niveau: 'doel' | 'programma' | 'totaal';
	code: string;
	omschrijving: string;
	lasten: number;
	baten: number;
	saldo: number;
	toevoeging_reserves: number;
	onttrekking_reserves: number;
	geraamd_resultaat: number;
}

/** The overview as the document states it: consistent with the ledger in the sample. */
function statedOverview(rows: BatenLastenRecord[]): OverzichtRecord[] {
	const out = new Map<string, OverzichtRecord>();
	const add = (
		r: BatenLastenRecord,
		niveau: OverzichtRecord['niveau'],
		code: string,
		omschrijving: string
	) => {
		const key = `${r.jaar}|${r.fase}|${niveau}|${code}`;
		const line = out.get(key) ?? {
			jaar: r.jaar,
			fase: r.fase,
			niveau,
			code,
			omschrijving,
			lasten: 0,
			baten: 0,
			saldo: 0,
			toevoeging_reserves: 0,
			onttrekking_reserves: 0,
			geraamd_resultaat: 0
		};
		line.lasten += r.lasten;
		line.baten += r.baten;
		line.saldo += r.lasten - r.baten;
		line.toevoeging_reserves += r.toevoeging_reserves;
		line.onttrekking_reserves += r.onttrekking_reserves;
		line.geraamd_resultaat += r.lasten - r.baten + r.toevoeging_reserves - r.onttrekking_reserves;
		out.set(key, line);
	};
	for (const r of rows) {
		add(r, 'doel', r.doel, r.doel_naam);
		add(r, 'programma', r.programma, 'Sociaal domein');
		add(r, 'totaal', 'totaal', 'Totaal');
	}
	return [...out.values()];
}

/** One subtotal or total line of the krediet overview. */
export type KredietTotaalRecord = RowOf<typeof kredietTotalenSchema>;

function kredietTotals(kredieten: KredietRecord[]): KredietTotaalRecord[] {
	const out: KredietTotaalRecord[] = [];
	const groups = [...new Set(kredieten.map((k) => `${k.jaar}|${k.doel}`))];
	for (const g of groups) {
		const [jaar, doel] = g.split('|') as [string, string];
		const lines = kredieten.filter((k) => k.jaar === Number(jaar) && k.doel === doel);
		for (const regel of [
			'subtotaal vastgestelde mutaties',
			'subtotaal voorgestelde mutaties',
			'totaal'
		] as const) {
			const part = lines.filter((k) => regel === 'totaal' || regel === `subtotaal ${k.status}e mutaties`);
			const sum = (f: (k: KredietRecord) => number) => part.reduce((a, k) => a + f(k), 0);
			out.push({
				jaar: Number(jaar),
				doel,
				regel,
				omvang: sum((k) => k.omvang),
				gerealiseerd_tm_vorig_jaar: sum((k) => k.gerealiseerd_tm_vorig_jaar),
				resterend: sum(remainingKrediet),
				raming_vorig_jaar: sum((k) => k.raming_vorig_jaar),
				raming_begrotingsjaar: sum((k) => k.raming_begrotingsjaar),
				raming_later: sum((k) => k.raming_later)
			});
		}
	}
	return out;
}

/** One line of the Iv3 export. */
export interface Iv3Record {
	jaar: number;
	fase: string;
	taakveld: string;
	lasten: number;
	baten: number;
}

/** The ledger per Iv3 taakveld, reserve mutations on 0.10: consistent with the ledger in the sample. */
function iv3Export(rows: BatenLastenRecord[]): Iv3Record[] {
	const out = new Map<string, Iv3Record>();
	const add = (jaar: number, fase: string, taakveld: string, lasten: number, baten: number) => {
		const key = `${jaar}|${fase}|${taakveld}`;
		const line = out.get(key) ?? { jaar, fase, taakveld, lasten: 0, baten: 0 };
		line.lasten += lasten;
		line.baten += baten;
		out.set(key, line);
	};
	for (const r of rows) {
		add(r.jaar, r.fase, r.taakveld, r.lasten, r.baten);
		add(r.jaar, r.fase, '0.10', r.toevoeging_reserves, r.onttrekking_reserves);
	}
	return [...out.values()];
}
