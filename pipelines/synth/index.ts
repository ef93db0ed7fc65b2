import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCbsBuurten, loadZwolleBuurten, synthesizeBuurten, type SynthBuurt } from './areas';
import { generateSurvey, type SurveyRecord } from './survey';
import { generateWmo, type WmoRecord } from './wmo';
import { generatePopulation } from './population';
import { generateJeugd } from './jeugd';
import { SURVEY_SCALES } from '../../src/lib/measures/scales';
import { generateParticipatie } from './participatie';
import { generateFinancien } from './financien';
import { generateClientervaring } from './clientervaring';

/** A `;`-separated CSV of records, columns in the given order (numbers with a decimal comma, dates dd-mm-jjjj). */
function toCsv<T extends object>(header: readonly (keyof T & string)[], records: T[]): string {
	const cell = (v: unknown) =>
		v === null || v === undefined
			? ''
			: v instanceof Date
				? ddmmyyyy(v)
				: typeof v === 'boolean'
					? v
						? 'ja'
						: 'nee'
					: typeof v === 'number'
						? String(v).replace('.', ',')
						: String(v);
	const lines = [header.join(';'), ...records.map((r) => header.map((h) => cell(r[h])).join(';'))];
	return lines.join('\r\n') + '\r\n';
}
import type { Paths } from '../config';
import { clientsPerYear, writeCbsSample, type SampleWmoFigures } from './cbs';
import { columnsOf } from '../../src/lib/schemas/column';
import { SOURCES } from '../sources/registry';

/** Default seed of the sample; the same seed gives byte-identical files. */
export const DEFAULT_SEED = 20160101;

const ddmmyyyy = (d: Date) =>
	`${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
const decimalComma = (x: number | null) => (x === null ? '' : String(x).replace('.', ','));

/** The header of the WMO export, in order. */
export const WMO_HEADER = [
	'clientnummer',
	'buurtcode',
	'leeftijdsklasse',
	'voorziening',
	'leveringsvorm',
	'startdatum',
	'einddatum',
	'reden_beeindiging'
];
/** The header of the survey export, in order. */
const SURVEY_HEADER = [
	'respondentnummer',
	'jaar',
	'buurtcode',
	'leeftijdsklasse',
	'beperking',
	'gewicht',
	'participatie',
	'isolement',
	...SURVEY_SCALES.slice(2).map((s) => s.column)
];

function wmoCsv(records: WmoRecord[]): string {
	const lines = [WMO_HEADER.join(';')];
	for (const r of records) {
		lines.push(
			[
				r.clientnummer,
				r.buurtcode,
				r.leeftijdsklasse,
				r.voorziening,
				r.leveringsvorm,
				ddmmyyyy(r.startdatum),
				r.einddatum ? ddmmyyyy(r.einddatum) : '',
				r.redenBeeindiging
			].join(';')
		);
	}
	return lines.join('\r\n') + '\r\n';
}

function surveyCsv(records: SurveyRecord[]): string {
	const lines = [SURVEY_HEADER.join(';')];
	for (const r of records) {
		lines.push(
			[
				r.respondentnummer,
				r.jaar,
				r.buurtcode,
				r.leeftijdsklasse,
				r.beperking ? 'ja' : 'nee',
				decimalComma(r.gewicht),
				decimalComma(r.participatie),
				decimalComma(r.isolement),
				...SURVEY_SCALES.slice(2).map((s) => decimalComma(r.other[s.column] ?? null))
			].join(';')
		);
	}
	return lines.join('\r\n') + '\r\n';
}

/** Writes the synthetic sample: Zwolle (GM0193, calibrated on its real figures) and Groningen (GM0014). */
export async function writeSample(options: {
	paths: Paths;
	seed?: number;
	/** multiply sizes (for throughput measurements); 1 reproduces the calibration figures */
	scale?: number;
}): Promise<{ dir: string; wmo: number; survey: number; jeugd: number }[]> {
	const seed = options.seed ?? DEFAULT_SEED;
	const scale = options.scale ?? 1;
	const zwolle = loadZwolleBuurten(options.paths.reference);
	const groningen = synthesizeBuurten({
		areas: loadCbsBuurten(options.paths.gemeenten, 'GM0014'),
		seed: seed + 100,
		zwolle,
		// A student city: more young adults, fewer over-65s and children than Zwolle.
		profile: { adults: 2400, share65: 0.12, shareUnder18: 0.14, participatie: 5.0, isolement: 2.0 }
	});
	const written = [
		await writeGemeente({
			paths: options.paths,
			gemeente: 'GM0193',
			name: 'Zwolle',
			buurten: zwolle,
			seed,
			scale,
			finance: true
		}),
		// Groningen's registrations scale with its own target groups: adults for WMO and bijstand,
		// children for jeugdhulp (relative to Zwolle's calibrated figures).
		await writeGemeente({
			paths: options.paths,
			gemeente: 'GM0014',
			name: 'Groningen',
			buurten: groningen,
			seed: seed + 1000,
			scale,
			size: {
				adults: ratio(groningen, zwolle, (b) => b.adults),
				youth: ratio(groningen, zwolle, (b) => (b.adults / (1 - b.shareUnder18)) * b.shareUnder18)
			},
			finance: false
		})
	];
	// The CBS table the benchmarks read, in CBS's layout (VOORBEELDDATA), counted from these registrations.
	const provinces: Record<string, string> = { GM0193: 'PV23', GM0014: 'PV20' };
	await writeCbsSample({
		raw: options.paths.raw,
		seed,
		sample: written.map((w) => ({ ...w.cbs, province: provinces[w.cbs.code]! }))
	});
	return written;
}

/** How many times `of` holds the group that `pick` counts, compared with `to`. */
function ratio(of: SynthBuurt[], to: SynthBuurt[], pick: (b: SynthBuurt) => number): number {
	const sum = (bs: SynthBuurt[]) => bs.reduce((a, b) => a + pick(b), 0);
	return sum(of) / sum(to);
}

/** Writes one gemeente's exports to `paths.raw/<gemeente>`. */
export async function writeGemeente(options: {
	paths: Paths;
	gemeente: string;
	buurten: SynthBuurt[];
	seed: number;
	scale: number;
	/** registrations relative to Zwolle's (the survey follows the buurt populations by itself) */
	size?: { adults: number; youth: number };
	/** the financial exports are Zwolle's (the seed document's) only */
	finance: boolean;
	/** per-domain factors on top of the size (the national set calibrates on national totals) */
	factors?: { wmo: number; jeugd: number; bijstand: number; survey: number };
	/** a generated area division, delivered with the exports as `gebieden/2014/` (generated gemeenten) */
	areas?: { wijken: Record<string, string>[]; buurten: Record<string, string>[] };
	/** the gemeente's name, for bron.json */
	name?: string;
}): Promise<{
	dir: string;
	wmo: number;
	survey: number;
	jeugd: number;
	cbs: Omit<SampleWmoFigures, 'province'>;
}> {
	const { buurten, seed } = options;
	const f = options.factors ?? { wmo: 1, jeugd: 1, bijstand: 1, survey: 1 };
	const scale = options.scale * (options.size?.adults ?? 1);
	const youthScale = options.scale * (options.size?.youth ?? 1) * f.jeugd;
	const wmo = generateWmo({ buurten, seed, scale: scale * f.wmo });
	const survey = generateSurvey({ buurten, seed: seed + 1, scale: options.scale * f.survey });
	const dir = join(options.paths.raw, options.gemeente);
	await mkdir(dir, { recursive: true });
	if (options.areas) {
		const header = ['statcode', 'statnaam', 'gemeentecode', 'wijkcode'];
		const csv = (rows: Record<string, string>[]) =>
			[header.join(','), ...rows.map((r) => header.map((h) => r[h] ?? '').join(','))].join('\n') + '\n';
		const division = join(dir, 'gebieden', '2014');
		await mkdir(division, { recursive: true });
		await writeFile(join(division, 'wijken.csv'), csv(options.areas.wijken));
		await writeFile(join(division, 'buurten.csv'), csv(options.areas.buurten));
	}
	// Each export as the pipeline's source registry names it, with the header its schema declares.
	const write = (stem: string, rows: object[]) => {
		const source = SOURCES.find((s) => s.stem === stem);
		if (!source) throw new Error(`no source "${stem}" in pipelines/sources/registry.ts`);
		return writeFile(
			join(dir, `${stem}.csv`),
			toCsv(columnsOf(source.schema), rows as Record<string, unknown>[])
		);
	};
	await writeFile(join(dir, 'wmo_voorzieningen.csv'), wmoCsv(wmo));
	await writeFile(join(dir, 'bvb_respondenten.csv'), surveyCsv(survey));
	const jeugd = generateJeugd({ buurten, seed: seed + 2, scale: youthScale });
	await write('jeugdhulp_trajecten', jeugd);
	const pw = generateParticipatie({ buurten, seed: seed + 3, scale: scale * f.bijstand });
	await write('pw_meldingen', pw.meldingen);
	await write('pw_uitkeringen', pw.uitkeringen);
	await write('pw_plaatsingen', pw.plaatsingen);
	await write('clientervaring', generateClientervaring({ seed: seed + 5, scale: scale * f.survey }));
	if (options.finance) {
		const fin = generateFinancien({ seed: seed + 4 });
		await write('fin_baten_lasten', fin.batenLasten);
		await write('fin_kredieten', fin.kredieten);
		await write('fin_overzicht', fin.overzicht);
		await write('fin_kredieten_totalen', fin.kredietTotalen);
		await write('fin_iv3', fin.iv3);
		await write('fin_bestedingsvoorstellen', fin.bestedingen);
	}
	const population = generatePopulation({ buurten });
	await write('bevolking', population);
	await writeFile(
		join(dir, 'bron.json'),
		JSON.stringify(
			{
				gemeente: options.gemeente,
				...(options.name ? { naam: options.name } : {}),
				voorbeelddata: true,
				omschrijving: 'Synthetische voorbeelddata (geen echte personen), zie docs/voorbeelddata.md',
				seed,
				...(scale !== 1
					? { schaal: scale, let_op: `geschaald ×${scale}: alleen voor metingen, niet de kalibratiecijfers` }
					: {}),
				peildatum_levering: '2025-01-31'
			},
			null,
			2
		) + '\n'
	);
	const inhabitants: Record<number, number> = {};
	for (const p of population) inhabitants[p.jaar] = (inhabitants[p.jaar] ?? 0) + p.inwoners;
	return {
		dir,
		wmo: wmo.length,
		survey: survey.length,
		jeugd: jeugd.length,
		cbs: {
			code: options.gemeente,
			name: options.name ?? options.gemeente,
			clients: clientsPerYear(wmo),
			inhabitants
		}
	};
}
