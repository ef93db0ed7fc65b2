import { cumulative, Random } from './random';
import type { SynthBuurt } from './areas';
import { SURVEY_SCALES } from '../../src/lib/measures/scales';

/** Survey waves of the Buurt-voor-Buurt onderzoek (biennial). */
const SURVEY_YEARS = [2014, 2016, 2018, 2020, 2022, 2024];
const SURVEY_AGE_BANDS = ['18-34', '35-49', '50-64', '65-79', '80+'] as const;

/** 2014 city-wide means for inwoners 18+ with a beperking, from the begroting 2016 nulsituatie. */
const CALIBRATION_2014 = { participatie: 4.4, isolement: 2.2 };

/**
 * Change against 2014 per wave. Participatie is additive, isolement multiplicative. The story: a
 * clear rise in participatie by 2016, a small (not significant) fall in isolement, and a setback in
 * 2020 (the pandemic year).
 */
const TREND = {
	participatie: {
		beperking: { 2014: 0, 2016: 0.22, 2018: 0.28, 2020: -0.15, 2022: 0.05, 2024: 0.12 },
		overig: { 2014: 0, 2016: 0.05, 2018: 0.08, 2020: -0.3, 2022: -0.05, 2024: 0 }
	},
	isolement: {
		beperking: { 2014: 1, 2016: 0.985, 2018: 0.95, 2020: 1.12, 2022: 1.06, 2024: 1.02 },
		overig: { 2014: 1, 2016: 1, 2018: 0.98, 2020: 1.15, 2022: 1.05, 2024: 1 }
	}
} as const;

/** One respondent row of a survey export. */
export interface SurveyRecord {
	respondentnummer: string;
	jaar: number;
	buurtcode: string;
	leeftijdsklasse: string;
	beperking: boolean;
	gewicht: number;
	participatie: number | null;
	isolement: number | null;
	/** the other scales, by export column (cohesie, inzet, …) */
	other: Record<string, number | null>;
}

const RESPONSE_RATE = 0.08;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Generates Buurt-voor-Buurt respondents, deterministic from the seed, calibrated on the 2014 figures. */
export function generateSurvey(options: {
	buurten: SynthBuurt[];
	seed: number;
	scale?: number;
}): SurveyRecord[] {
	const rng = new Random(options.seed);
	const records: SurveyRecord[] = [];
	const buurten = options.buurten.filter(
		(b) => b.adults > 0 && b.participatie !== null && b.isolement !== null
	);
	for (const year of SURVEY_YEARS) {
		const growth = 1.008 ** (year - 2014);
		for (const b of buurten) {
			const adults = b.adults * growth;
			const n = Math.round(adults * RESPONSE_RATE * (options.scale ?? 1) * (0.8 + 0.4 * rng.next()));
			const pBeperking = Math.min(0.6, 0.22 + 0.3 * b.share65);
			const bandWeights = cumulative([0.27, 0.26, 0.24, 0.16 + b.share65 * 0.3, 0.07 + b.share65 * 0.2]);
			// Group offsets that keep the buurt's 2014 all-18+ mean equal to the real figure.
			const dPart = -0.75;
			const dPartOther = (-dPart * pBeperking) / (1 - pBeperking);
			const fIso = 1.7;
			const fIsoOther = (1 - fIso * pBeperking) / (1 - pBeperking);
			for (let i = 0; i < n; i++) {
				const beperking = rng.next() < pBeperking;
				const group = beperking ? 'beperking' : 'overig';
				const partMean =
					b.participatie! + (beperking ? dPart : dPartOther) + TREND.participatie[group][year as 2014];
				const isoMean = b.isolement! * (beperking ? fIso : fIsoOther) * TREND.isolement[group][year as 2014];
				records.push({
					respondentnummer: `R${year}${String(records.length).padStart(6, '0')}`,
					jaar: year,
					buurtcode: b.code,
					leeftijdsklasse: SURVEY_AGE_BANDS[rng.pickCumulative(bandWeights)]!,
					beperking,
					gewicht: Math.round((adults / n) * Math.exp(rng.normal(0, 0.25)) * 1000) / 1000,
					// About 3% item non-response per scale: left empty, as real exports do.
					participatie: rng.next() < 0.03 ? null : Math.min(10, Math.max(0, rng.normal(partMean, 1.7))),
					isolement: rng.next() < 0.03 ? null : Math.min(10, rng.exponential(isoMean)),
					other: {}
				});
			}
		}
	}
	calibrate(records);
	addOtherScales({ records, buurten, seed: options.seed + 10 });
	for (const r of records) {
		if (r.participatie !== null) r.participatie = Math.min(10, Math.max(0, round1(r.participatie)));
		if (r.isolement !== null) r.isolement = Math.min(10, round1(r.isolement));
	}
	return records;
}

/** Shifts (participatie) and scales (isolement) the beperking group so 2014 hits the nulsituatie exactly. */
function calibrate(records: SurveyRecord[]): void {
	const mean2014 = (key: 'participatie' | 'isolement') => {
		let sw = 0;
		let swx = 0;
		for (const r of records) {
			const x = r[key];
			if (r.jaar === 2014 && r.beperking && x !== null) {
				sw += r.gewicht;
				swx += r.gewicht * x;
			}
		}
		return swx / sw;
	};
	const shift = CALIBRATION_2014.participatie - mean2014('participatie');
	const scale = CALIBRATION_2014.isolement / mean2014('isolement');
	for (const r of records) {
		if (!r.beperking) continue;
		if (r.participatie !== null) r.participatie += shift;
		if (r.isolement !== null) r.isolement *= scale;
	}
}

/**
 * The other scales, from their own random stream (so participatie and isolement stay as calibrated):
 * around the buurt's 2014 score, lower for inwoners with a beperking except belemmering, which is
 * mostly theirs; about 5% item non-response.
 */
function addOtherScales(options: { records: SurveyRecord[]; buurten: SynthBuurt[]; seed: number }): void {
	const rng = new Random(options.seed);
	const byCode = new Map(options.buurten.map((b) => [b.code, b]));
	for (const r of options.records) {
		const b = byCode.get(r.buurtcode)!;
		for (const scale of SURVEY_SCALES.slice(2)) {
			const mean = b.scores[scale.reference];
			if (mean === null || mean === undefined || rng.next() < 0.05) {
				r.other[scale.column] = null;
				continue;
			}
			const value =
				scale.column === 'belemmering'
					? rng.exponential(mean * (r.beperking ? 2.6 : 0.35))
					: rng.normal(mean + (r.beperking ? -0.3 : 0.08), 1.4);
			r.other[scale.column] = Math.round(Math.min(10, Math.max(0, value)) * 10) / 10;
		}
	}
}
