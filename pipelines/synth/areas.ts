import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { join } from 'node:path';
import { SURVEY_SCALES } from '../../src/lib/measures/scales';
import { Random } from './random';

/** One buurt of the reference set with the figures the generator is calibrated on. */
export interface SynthBuurt {
	code: string;
	wijk: string;
	name: string;
	/** inhabitants of 18 years and over (2014), from the survey weight total */
	adults: number;
	/** share of inhabitants aged 65 and over (0–1) */
	share65: number;
	/** share of inhabitants under 18 (0–1) */
	shareUnder18: number;
	/** share of inhabitants aged 12–17 (0–1) */
	share12to17: number;
	/** sociale participatie schaalscore, all respondents 18+ (2014); null if not published */
	participatie: number | null;
	/** sociaal isolement schaalscore, all respondents 18+ (2014); null if not published */
	isolement: number | null;
	/** every survey scale's 2014 buurt score, by reference column (b_scoh, …); null if not published */
	scores: Record<string, number | null>;
}

/** Reads a comma-separated file with a header (d3-dsv: quoted cells, doubled quotes). */
export function readSimpleCsv(path: string): Record<string, string>[] {
	return csvParse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as Record<string, string>[];
}

/** The buurten of a sample gemeente: its division `gebieden/2014/buurten.csv` in its gemeente folder. */
export function loadCbsBuurten(gemeentenDir: string, gemeente: string): Record<string, string>[] {
	return readSimpleCsv(join(gemeentenDir, gemeente, 'gebieden', '2014', 'buurten.csv')).filter(
		(r) => r['gemeentecode'] === gemeente
	);
}

/** Loads the Zwolle buurten with their 2014 calibration figures from `data/reference/zwolle`. */
export function loadZwolleBuurten(referenceDir: string): SynthBuurt[] {
	const rows = readSimpleCsv(join(referenceDir, 'zwolle', 'zwolle_zebra_buurt_2014.csv'));
	const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s));
	return rows
		.filter((r) => /^BU0193\d{4}$/.test(r['cbs_buurtcode'] ?? ''))
		.map((r) => ({
			code: r['cbs_buurtcode']!,
			wijk: r['cbs_wijkcode']!,
			name: r['buurtnaam']!,
			adults: num(r['b_gwpover']) ?? 0,
			share65: (num(r['bsp65_eo']) ?? 15) / 100,
			shareUnder18: ((num(r['bsp0_3']) ?? 5) + (num(r['bsp4_11']) ?? 9) + (num(r['bsp12_17']) ?? 7)) / 100,
			share12to17: (num(r['bsp12_17']) ?? 7) / 100,
			participatie: num(r['b_spart']),
			isolement: num(r['b_scisol']),
			scores: Object.fromEntries(SURVEY_SCALES.map((sc) => [sc.reference, num(r[sc.reference])]))
		}));
}

/**
 * Buurten of a gemeente without calibration figures (Groningen): the real CBS codes and names, with
 * buurt profiles drawn from a seeded generator around plausible means, and the other survey scales
 * borrowed from a random Zwolle buurt. Synthetic through and through, like the rest of the sample.
 */
export function synthesizeBuurten(options: {
	/** the buurten (statcode, statnaam, wijkcode), from a CBS reference file or generated */
	areas: Record<string, string>[];
	seed: number;
	zwolle: SynthBuurt[];
	profile: { adults: number; share65: number; shareUnder18: number; participatie: number; isolement: number };
}): SynthBuurt[] {
	const rng = new Random(options.seed);
	const rows = options.areas;
	const p = options.profile;
	const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
	const round1 = (x: number) => Math.round(x * 10) / 10;
	return rows.map((r) => {
		const donor = options.zwolle[rng.int(0, options.zwolle.length - 1)]!;
		const shareUnder18 = clamp(rng.normal(p.shareUnder18, 0.05), 0.03, 0.35);
		return {
			code: r['statcode']!,
			wijk: r['wijkcode']!,
			name: r['statnaam']!,
			adults: Math.round(clamp(rng.normal(p.adults, p.adults * 0.45), 150, p.adults * 3)),
			share65: clamp(rng.normal(p.share65, 0.06), 0.02, 0.45),
			shareUnder18,
			share12to17: shareUnder18 * 0.33,
			participatie: round1(clamp(rng.normal(p.participatie, 0.35), 2, 8)),
			isolement: round1(clamp(rng.normal(p.isolement, 0.3), 0.5, 5)),
			scores: { ...donor.scores }
		};
	});
}
