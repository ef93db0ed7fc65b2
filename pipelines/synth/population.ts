import type { SynthBuurt } from './areas';
import { FIRST_YEAR, LAST_YEAR } from './wmo';

/** Age bands of the population reference: enough for every BBV denominator (total, <18, 18+, 15–64). */
const POPULATION_BANDS = ['0-14', '15-17', '18-64', '65+'] as const;

/** One row of the population reference: inhabitants on 1 January per buurt and age band. */
export interface PopulationRecord {
	jaar: number;
	buurtcode: string;
	leeftijdsklasse: (typeof POPULATION_BANDS)[number];
	inwoners: number;
}

/**
 * Inhabitants per buurt, age band and year, from the 2014 buurt figures: adults from the survey
 * weight total, the under-18 and 65+ shares from the age columns, growing 0,8% a year.
 */
export function generatePopulation(options: { buurten: SynthBuurt[] }): PopulationRecord[] {
	const records: PopulationRecord[] = [];
	for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
		const growth = 1.008 ** (year - 2014);
		for (const b of options.buurten) {
			const total = b.shareUnder18 < 1 ? (b.adults / (1 - b.shareUnder18)) * growth : 0;
			const under18 = total * b.shareUnder18;
			const from15 = (total * b.share12to17) / 2;
			const over65 = total * b.share65;
			const counts = [under18 - from15, from15, total - under18 - over65, over65].map((x) =>
				Math.max(0, Math.round(x))
			);
			POPULATION_BANDS.forEach((band, i) =>
				records.push({ jaar: year, buurtcode: b.code, leeftijdsklasse: band, inwoners: counts[i]! })
			);
		}
	}
	return records;
}
