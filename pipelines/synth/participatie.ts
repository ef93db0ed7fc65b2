import { cumulative, Random } from './random';
import type { SynthBuurt } from './areas';
import { LAST_YEAR } from './wmo';

const PW_AGE_BANDS = ['18-26', '27-44', '45-64', '65+'] as const;

/** A melding at de Poort (registered from 2015 on). */
export interface MeldingRecord {
	meldingnummer: string;
	meldingsdatum: Date;
	buurtcode: string;
	leeftijdsklasse: string;
	bijstandsaanvraag: boolean;
}

/** A bijstandsuitkering of one household. */
export interface UitkeringRecord {
	huishoudnummer: string;
	buurtcode: string;
	leeftijdsklasse: string;
	startdatum: Date;
	einddatum: Date | null;
	uitstroomreden: string | null;
	inkomsten_uit_werk_vanaf: Date | null;
}

/** A placement: garantiebaan, beschut werk or leerwerkbaan. */
export interface PlaatsingRecord {
	plaatsingnummer: string;
	soort: 'garantiebaan' | 'beschut werk' | 'leerwerkbaan';
	startdatum: Date;
	einddatum: Date | null;
}

/**
 * Calibration on the begroting 2016: volledige uitstroom (werk, onderneming, opleiding) 405 in 2013,
 * streefcijfer 455 in 2015, norm 475 in 2016; gedeeltelijke uitstroom 416 → 450 → 475; 375 jongeren
 * entered the bijstand in 2014; beschut werk 0 on 1-1-2015, at least 10 wanted by the end of 2016.
 */
const FULL_EXIT: Record<number, number> = {
	2013: 405,
	2014: 428,
	2015: 457,
	2016: 468,
	2017: 502,
	2018: 541,
	2019: 560,
	2020: 410,
	2021: 498,
	2022: 530,
	2023: 515,
	2024: 505
};
const PARTIAL_EXIT: Record<number, number> = {
	2013: 416,
	2014: 431,
	2015: 452,
	2016: 481,
	2017: 490,
	2018: 505,
	2019: 512,
	2020: 455,
	2021: 488,
	2022: 497,
	2023: 502,
	2024: 499
};
const YOUNG_ENTRY_2014 = 375;
const YOUNG_TO_WORK: Record<number, number> = { 2015: 118, 2016: 142, 2017: 155, 2018: 163 };
const STOCK_2013 = 3400;
const ENTRY: Record<number, number> = {
	2013: 1150,
	2014: 1210,
	2015: 1260,
	2016: 1230,
	2017: 1100,
	2018: 1020,
	2019: 980,
	2020: 1180,
	2021: 990,
	2022: 1010,
	2023: 1040,
	2024: 1060
};
const MELDINGEN: Record<number, { total: number; noAanvraag: number }> = {
	2015: { total: 2450, noAanvraag: 0.24 },
	2016: { total: 2380, noAanvraag: 0.31 },
	2017: { total: 2290, noAanvraag: 0.33 },
	2018: { total: 2210, noAanvraag: 0.32 },
	2019: { total: 2180, noAanvraag: 0.34 },
	2020: { total: 2600, noAanvraag: 0.29 },
	2021: { total: 2240, noAanvraag: 0.33 },
	2022: { total: 2200, noAanvraag: 0.35 },
	2023: { total: 2260, noAanvraag: 0.34 },
	2024: { total: 2300, noAanvraag: 0.33 }
};
/** Placements active at the end of each year. */
const PLACEMENTS: Record<PlaatsingRecord['soort'], Record<number, number>> = {
	garantiebaan: {
		2013: 0,
		2014: 22,
		2015: 58,
		2016: 96,
		2017: 131,
		2018: 160,
		2019: 184,
		2020: 190,
		2021: 205,
		2022: 221,
		2023: 230,
		2024: 238
	},
	'beschut werk': {
		2015: 3,
		2016: 12,
		2017: 19,
		2018: 26,
		2019: 31,
		2020: 33,
		2021: 36,
		2022: 38,
		2023: 40,
		2024: 41
	},
	leerwerkbaan: {
		2014: 35,
		2015: 61,
		2016: 84,
		2017: 90,
		2018: 94,
		2019: 97,
		2020: 80,
		2021: 92,
		2022: 96,
		2023: 99,
		2024: 101
	}
};

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Generates the three Participatiewet exports for Zwolle, deterministic from the seed. */
export function generateParticipatie(options: { buurten: SynthBuurt[]; seed: number; scale?: number }): {
	meldingen: MeldingRecord[];
	uitkeringen: UitkeringRecord[];
	plaatsingen: PlaatsingRecord[];
} {
	const rng = new Random(options.seed);
	const scale = options.scale ?? 1;
	const n = (x: number) => Math.round(x * scale);
	const buurten = options.buurten.filter((b) => b.adults > 0);
	// Bijstand concentrates in buurten with fewer older inhabitants (a rough proxy; no income data here).
	const weights = cumulative(buurten.map((b) => b.adults * (1.3 - b.share65)));
	const buurt = () => buurten[rng.pickCumulative(weights)]!.code;

	const uitkeringen: UitkeringRecord[] = [];
	let households = 0;
	const open: UitkeringRecord[] = [];
	const start = (date: Date, young: boolean) => {
		const u: UitkeringRecord = {
			huishoudnummer: `H${String(3_000_000 + ((households++ * 7901) % 6_999_999)).padStart(7, '0')}`,
			buurtcode: buurt(),
			leeftijdsklasse: young ? '18-26' : PW_AGE_BANDS[1 + rng.pickCumulative(cumulative([0.45, 0.45, 0.1]))]!,
			startdatum: date,
			einddatum: null,
			uitstroomreden: null,
			inkomsten_uit_werk_vanaf: null
		};
		uitkeringen.push(u);
		open.push(u);
	};
	for (let i = 0; i < n(STOCK_2013); i++)
		start(rng.day(utc(2005, 1, 1), utc(2012, 12, 31)), rng.next() < 0.08);
	for (let year = 2013; year <= LAST_YEAR; year++) {
		const entries = n(ENTRY[year] ?? 1000);
		const young = year === 2014 ? n(YOUNG_ENTRY_2014) : Math.round(entries * 0.28);
		for (let i = 0; i < entries; i++) start(rng.day(utc(year, 1, 1), utc(year, 12, 31)), i < young);
		const yearEnd = utc(year, 12, 31).getTime();
		const end = (count: number, reasons: string[], pick: (u: UitkeringRecord) => boolean) => {
			for (let i = 0; i < count; i++) {
				// Random picks with a bounded number of tries: linear in the stock, also at 10× scale.
				for (let tries = 0; tries < 200; tries++) {
					const index = rng.int(0, open.length - 1);
					const u = open[index];
					if (!u || !pick(u) || u.startdatum.getTime() >= yearEnd) continue;
					const earliest = Math.max(u.startdatum.getTime() + 86_400_000, utc(year, 1, 1).getTime());
					u.einddatum = rng.day(new Date(earliest), new Date(yearEnd));
					u.uitstroomreden = reasons[rng.int(0, reasons.length - 1)]!;
					open[index] = open[open.length - 1]!;
					open.pop();
					break;
				}
			}
		};
		const youngToWork = n(YOUNG_TO_WORK[year] ?? Math.round((FULL_EXIT[year] ?? 450) * 0.3));
		end(youngToWork, ['werk', 'opleiding'], (u) => u.leeftijdsklasse === '18-26');
		end(
			n(FULL_EXIT[year] ?? 450) - youngToWork,
			['werk', 'werk', 'werk', 'onderneming'],
			(u) => u.leeftijdsklasse !== '18-26'
		);
		end(Math.round(entries * 0.45), ['verhuizing', 'overig', 'overlijden', 'andere uitkering'], () => true);
		// Gedeeltelijke uitstroom: households still on bijstand that start earning from work this year.
		for (let i = 0; i < n(PARTIAL_EXIT[year] ?? 450); i++) {
			for (let tries = 0; tries < 200; tries++) {
				const u = open[rng.int(0, open.length - 1)];
				if (!u || u.inkomsten_uit_werk_vanaf || u.startdatum.getTime() >= yearEnd) continue;
				u.inkomsten_uit_werk_vanaf = rng.day(
					new Date(Math.max(u.startdatum.getTime(), utc(year, 1, 1).getTime())),
					new Date(yearEnd)
				);
				break;
			}
		}
	}

	const meldingen: MeldingRecord[] = [];
	for (const [year, m] of Object.entries(MELDINGEN)) {
		for (let i = 0; i < n(m.total); i++) {
			meldingen.push({
				meldingnummer: `M${year}${String(meldingen.length).padStart(6, '0')}`,
				meldingsdatum: rng.day(utc(Number(year), 1, 1), utc(Number(year), 12, 31)),
				buurtcode: buurt(),
				leeftijdsklasse: PW_AGE_BANDS[rng.pickCumulative(cumulative([0.3, 0.4, 0.27, 0.03]))]!,
				bijstandsaanvraag: rng.next() >= m.noAanvraag
			});
		}
	}

	const plaatsingen: PlaatsingRecord[] = [];
	for (const [soort, perYear] of Object.entries(PLACEMENTS) as [
		PlaatsingRecord['soort'],
		Record<number, number>
	][]) {
		const active: PlaatsingRecord[] = [];
		for (const [year, target] of Object.entries(perYear).map(([y, t]) => [Number(y), n(t)] as const)) {
			// Some placements end each year; new ones make up the stock at the end of the year.
			for (const p of [...active]) {
				if (rng.next() < 0.08) {
					p.einddatum = rng.day(
						new Date(Math.max(p.startdatum.getTime() + 86_400_000, utc(year, 1, 1).getTime())),
						utc(year, 12, 30)
					);
					active.splice(active.indexOf(p), 1);
				}
			}
			while (active.length < target) {
				const p: PlaatsingRecord = {
					plaatsingnummer: `P${String(plaatsingen.length).padStart(6, '0')}`,
					soort,
					startdatum: rng.day(utc(year, 1, 1), utc(year, 12, 31)),
					einddatum: null
				};
				plaatsingen.push(p);
				active.push(p);
			}
		}
	}
	return { meldingen, uitkeringen, plaatsingen };
}
