import { readFileSync } from 'node:fs';
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

/** Parses a simple comma-separated file with a header (the reference files hold no quoted commas in the columns used). */
export function readSimpleCsv(path: string): Record<string, string>[] {
	const lines = readFileSync(path, 'utf8')
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.filter((l) => l.length > 0);
	const header = splitCsvLine(lines[0] ?? '');
	return lines.slice(1).map((line) => {
		const cells = splitCsvLine(line);
		return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
	});
}

function splitCsvLine(line: string): string[] {
	const out: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			out.push(cell);
			cell = '';
		} else cell += ch;
	}
	out.push(cell);
	return out;
}

/** The buurten of a gemeente in a CBS reference file `data/reference/cbs/<prefix>_buurten_2014_codes.csv`. */
export function loadCbsBuurten(
	referenceDir: string,
	prefix: string,
	gemeente: string
): Record<string, string>[] {
	return readSimpleCsv(join(referenceDir, 'cbs', `${prefix}_buurten_2014_codes.csv`)).filter(
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
