import { cumulative, Random } from './random';
import type { SynthBuurt } from './areas';
import { LAST_YEAR } from './wmo';
import { MET_VERBLIJF, VERWIJZERS } from '../../src/lib/schemas/jeugd';

const JEUGD_AGE_BANDS = ['0-3', '4-11', '12-17', '18-22'] as const;

/** One jeugdhulptraject as the regional registration exports it. */
export interface JeugdRecord {
	clientnummer: string;
	buurtcode: string;
	leeftijdsklasse: string;
	productcategorie: string;
	verblijf: boolean;
	zwaarte: 'licht' | 'zwaar';
	verwijzer: string;
	startdatum: Date;
	einddatum: Date | null;
	problemen_verminderd: boolean | null;
}

/** New trajecten per year from 2015 (the decentralisation); 2015 also has a transition cohort on 1-1-2015. */
const NEW_PER_YEAR: Record<number, number> = {
	2015: 1350,
	2016: 1480,
	2017: 1420,
	2018: 1510,
	2019: 1560,
	2020: 1440,
	2021: 1620,
	2022: 1660,
	2023: 1690,
	2024: 1710
};
const TRANSITION_COHORT = 1400;
/** Share of afgesloten trajecten with less problems, per end year (the norm is at least 75%). */
const REDUCED: Record<number, number> = {
	2015: 0.73,
	2016: 0.77,
	2017: 0.76,
	2018: 0.78,
	2019: 0.74,
	2020: 0.72,
	2021: 0.75,
	2022: 0.76,
	2023: 0.77,
	2024: 0.78
};

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const CATEGORIES_2015 = { light: ['31', '32', '33', '34'], heavy: ['35', '36', '37', '38'] };
const CATEGORIES_2017 = { light: ['45', '41', '51', '50'], heavy: ['43', '44', '52', '46'] };

/** Generates jeugdhulptrajecten for Zwolle, deterministic from the seed. */
export function generateJeugd(options: {
	buurten: SynthBuurt[];
	seed: number;
	scale?: number;
}): JeugdRecord[] {
	const rng = new Random(options.seed);
	const scale = options.scale ?? 1;
	const buurten = options.buurten.filter((b) => b.adults > 0 && b.shareUnder18 > 0);
	const weights = cumulative(buurten.map((b) => (b.adults / (1 - b.shareUnder18)) * b.shareUnder18));
	const records: JeugdRecord[] = [];
	const ended: JeugdRecord[] = [];
	let clients = 0;

	const traject = (start: Date): JeugdRecord => {
		const year = start.getUTCFullYear();
		// About one in seven new trajecten is a repeat: a client whose earlier traject ended.
		const candidate =
			ended.length > 0 && rng.next() < 0.15
				? ended[rng.int(Math.max(0, ended.length - 800), ended.length - 1)]
				: undefined;
		// A repeat follows a traject that has really ended before this start.
		const previous = candidate?.einddatum && candidate.einddatum < start ? candidate : undefined;
		const heavy = rng.next() < 0.18;
		const codes = year < 2017 ? CATEGORIES_2015 : CATEGORIES_2017;
		const productcategorie = (heavy ? codes.heavy : codes.light)[rng.int(0, 3)]!;
		const band =
			previous?.leeftijdsklasse ??
			JEUGD_AGE_BANDS[
				rng.pickCumulative(cumulative([0.12, 0.45, 0.4, productcategorie === '35' ? 0.1 : 0.03]))
			]!;
		const days = Math.min(4 * 365, Math.round(rng.exponential(heavy ? 420 : 240)) + 14);
		const endDate = new Date(start.getTime() + days * 86_400_000);
		const end = endDate.getUTCFullYear() > LAST_YEAR ? null : endDate;
		const answered = end !== null && rng.next() < 0.7;
		const record: JeugdRecord = {
			clientnummer:
				previous?.clientnummer ?? `J${String(2_000_000 + ((clients++ * 7907) % 7_999_999)).padStart(7, '0')}`,
			buurtcode: previous?.buurtcode ?? buurten[rng.pickCumulative(weights)]!.code,
			leeftijdsklasse: band,
			productcategorie,
			verblijf: MET_VERBLIJF.includes(productcategorie),
			zwaarte: heavy ? 'zwaar' : 'licht',
			verwijzer: VERWIJZERS[rng.pickCumulative(cumulative([0.45, 0.25, 0.08, 0.08, 0.08, 0.03, 0.03]))]!,
			startdatum: start,
			einddatum: end,
			problemen_verminderd: answered ? rng.next() < (REDUCED[end.getUTCFullYear()] ?? 0.75) : null
		};
		records.push(record);
		if (end) ended.push(record);
		return record;
	};

	for (let i = 0; i < Math.round(TRANSITION_COHORT * scale); i++) traject(utc(2015, 1, 1));
	for (const [year, count] of Object.entries(NEW_PER_YEAR)) {
		for (let i = 0; i < Math.round(count * scale); i++)
			traject(rng.day(utc(Number(year), 1, 2), utc(Number(year), 12, 31)));
	}
	return records;
}
