import type { Voorziening } from '../../src/lib/measures/tables';
import { cumulative, Random } from './random';
import type { SynthBuurt } from './areas';

/** Years the sample covers. */
export const FIRST_YEAR = 2013;
export const LAST_YEAR = 2024;

/**
 * Calibration of the WMO sample. For the "stock" kinds: the number of inwoners with a lopende
 * voorziening on 1 January of each year; 1-1-2015 reproduces the begroting 2016 nulsituatie (3.385
 * huishoudelijke ondersteuning, 1.299 individuele begeleiding, 20 kortdurend verblijf). Begeleiding,
 * dagbesteding, kortdurend verblijf and beschermd wonen came to the gemeente on 1-1-2015 (before:
 * AWBZ), so their stock is 0 before 2015. For the "granted" kinds: voorzieningen verstrekt in the
 * year; 2014 reproduces 417 woon-, 497 vervoervoorzieningen and 290 rolstoelen.
 */
const STOCK_ON_JAN_1: Partial<Record<Voorziening, number[]>> = {
	//  2013  2014  2015  2016  2017  2018  2019  2020  2021  2022  2023  2024  (2025)
	HH: [3150, 3270, 3385, 3240, 3080, 3120, 3350, 3560, 3720, 3850, 3930, 4010, 4060],
	IB: [0, 0, 1299, 1340, 1385, 1410, 1450, 1480, 1520, 1555, 1590, 1610, 1640],
	DB: [0, 0, 780, 795, 810, 830, 845, 860, 870, 885, 900, 910, 920],
	KV: [0, 0, 20, 24, 18, 22, 26, 21, 19, 23, 25, 22, 24],
	BW: [0, 0, 310, 318, 325, 330, 338, 345, 350, 356, 362, 368, 372]
};

/** Voorzieningen granted per calendar year, 2013–2024. */
const GRANTED_PER_YEAR: Partial<Record<Voorziening, number[]>> = {
	WV: [430, 417, 398, 372, 365, 371, 380, 352, 366, 389, 395, 402],
	VV: [510, 497, 505, 512, 488, 470, 476, 431, 455, 468, 480, 491],
	RS: [300, 290, 281, 268, 275, 262, 270, 248, 259, 266, 272, 279]
};

/** Yearly probability that a lopende voorziening ends. */
const END_HAZARD: Partial<Record<Voorziening, number>> = { HH: 0.22, IB: 0.3, DB: 0.2, KV: 0.6, BW: 0.12 };

/** Which age bands use which voorziening, as weights over the bands. */
const AGE_BANDS = ['18-44', '45-64', '65-74', '75-84', '85+'] as const;
const AGE_PROFILE: Record<Voorziening, number[]> = {
	HH: [0.03, 0.1, 0.17, 0.35, 0.35],
	IB: [0.4, 0.35, 0.12, 0.08, 0.05],
	DB: [0.25, 0.2, 0.15, 0.25, 0.15],
	KV: [0.1, 0.15, 0.2, 0.3, 0.25],
	WV: [0.08, 0.17, 0.25, 0.3, 0.2],
	VV: [0.06, 0.14, 0.2, 0.33, 0.27],
	RS: [0.07, 0.13, 0.2, 0.3, 0.3],
	BW: [0.55, 0.35, 0.08, 0.02, 0]
};
/** Reden beëindiging, from the iWmo 3.2 code list WMO588. */
const REASONS = ['02', '19', '20', '21', '22', '23', '31', '36', '38', '39'];

/** One toewijzing as the registration system exports it. */
export interface WmoRecord {
	clientnummer: string;
	buurtcode: string;
	leeftijdsklasse: string;
	voorziening: Voorziening;
	leveringsvorm: 'ZIN' | 'PGB';
	startdatum: Date;
	einddatum: Date | null;
	redenBeeindiging: string;
}

interface Client {
	id: string;
	buurt: string;
	band: number;
	/** kinds this client ever had: a client gets each kind at most once, so counts stay exact */
	kinds: Set<Voorziening>;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Generates the WMO toewijzingen for Zwolle, deterministic from the seed. */
export function generateWmo(options: { buurten: SynthBuurt[]; seed: number; scale?: number }): WmoRecord[] {
	const rng = new Random(options.seed);
	// Scale > 1 multiplies every target, for throughput measurements only (no longer the seed's figures).
	const scaled = (x: number) => Math.round(x * (options.scale ?? 1));
	const buurten = options.buurten.filter((b) => b.adults > 0);
	const oldWeights = cumulative(buurten.map((b) => b.adults * (0.3 + 2 * b.share65)));
	const youngWeights = cumulative(buurten.map((b) => b.adults * (1.2 - b.share65)));
	const clients: Client[] = [];
	const records: WmoRecord[] = [];

	const clientFor = (v: Voorziening): Client => {
		// About a quarter of toewijzingen go to an inwoner who already has another voorziening.
		if (clients.length > 50 && rng.next() < 0.25) {
			const c = clients[clients.length - 1 - rng.int(0, Math.min(3000, clients.length - 1))]!;
			if ((AGE_PROFILE[v][c.band] ?? 0) > 0 && !c.kinds.has(v)) {
				c.kinds.add(v);
				return c;
			}
		}
		const band = rng.pickCumulative(cumulative(AGE_PROFILE[v]));
		const pool = band >= 2 ? oldWeights : youngWeights;
		const buurt = buurten[rng.pickCumulative(pool)]!;
		const client: Client = {
			id: `Z${String(1_000_000 + ((clients.length * 7919) % 8_999_999)).padStart(7, '0')}`,
			buurt: buurt.code,
			band,
			kinds: new Set([v])
		};
		clients.push(client);
		return client;
	};
	const record = (v: Voorziening, start: Date, end: Date | null): WmoRecord => {
		const c = clientFor(v);
		return {
			clientnummer: c.id,
			buurtcode: c.buurt,
			leeftijdsklasse: AGE_BANDS[c.band]!,
			voorziening: v,
			leveringsvorm: rng.next() < (v === 'HH' ? 0.12 : 0.2) ? 'PGB' : 'ZIN',
			startdatum: start,
			einddatum: end,
			redenBeeindiging: end ? REASONS[rng.int(0, REASONS.length - 1)]! : ''
		};
	};

	for (const [v, stock] of Object.entries(STOCK_ON_JAN_1) as [Voorziening, number[]][]) {
		const hazard = END_HAZARD[v] ?? 0.2;
		// Episodes still open: index into records, kept in generation order.
		let open: WmoRecord[] = [];
		const first = scaled(stock[0] ?? 0);
		for (let i = 0; i < first; i++) {
			const r = record(v, rng.day(utc(FIRST_YEAR - 6, 1, 1), utc(FIRST_YEAR - 1, 12, 31)), null);
			records.push(r);
			open.push(r);
		}
		for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
			const next = scaled(stock[y - FIRST_YEAR + 1] ?? 0);
			const survivors: WmoRecord[] = [];
			const ended: WmoRecord[] = [];
			for (const r of open) (rng.next() < hazard ? ended : survivors).push(r);
			// End more when the stock must fall faster than the hazard gives.
			while (survivors.length > next) ended.push(survivors.splice(rng.int(0, survivors.length - 1), 1)[0]!);
			for (const r of ended) {
				r.einddatum = rng.day(utc(y, 1, 2), utc(y, 12, 31));
				r.redenBeeindiging = REASONS[rng.int(0, REASONS.length - 1)]!;
			}
			const starts = next - survivors.length;
			// A new kind of voorziening (1-1-2015 transition) starts on the peildatum itself.
			const transition = open.length === 0 && next > 0;
			for (let i = 0; i < starts; i++) {
				const start = transition ? utc(y + 1, 1, 1) : rng.day(utc(y, 1, 2), utc(y, 12, 31));
				const r = record(v, start, null);
				records.push(r);
				survivors.push(r);
			}
			open = survivors;
		}
	}

	for (const [v, perYear] of Object.entries(GRANTED_PER_YEAR) as [Voorziening, number[]][]) {
		perYear.forEach((count, i) => {
			const y = FIRST_YEAR + i;
			for (let k = 0; k < scaled(count); k++) {
				const start = rng.day(utc(y, 1, 1), utc(y, 12, 31));
				// A woonvoorziening is a one-off provision; vehicles and wheelchairs are used for years.
				const years = v === 'WV' ? 0 : rng.int(3, 7);
				const end =
					v === 'WV'
						? start
						: years + y <= LAST_YEAR
							? rng.day(utc(y + years, 1, 1), utc(y + years, 12, 31))
							: null;
				records.push(record(v, start, end));
			}
		});
	}
	return records;
}
