import { rm } from 'node:fs/promises';
import type { Paths } from '../config';
import { loadZwolleBuurten, synthesizeBuurten, type SynthBuurt } from './areas';
import { DEFAULT_SEED, writeGemeente, writeSample } from './index';
import { Random } from './random';

/** Gemeenten in the Netherlands (2024) and their inhabitants, the totals the national set is sized on. */
export const NATIONAL = {
	gemeenten: 342,
	inhabitants: 17_900_000,
	/** clients a year nationally, as the issue and CBS/Vektis publications give them (rounded) */
	wmoClients: 1_200_000,
	jeugdhulpYoung: 450_000,
	bijstandHouseholds: 400_000
};

/** Groningen's inhabitants (2014 indeling), part of the national total. */
const GRONINGEN_INHABITANTS = 232_000;

/** Zwolle's calibrated sample, the yardstick every generated gemeente is scaled from. */
const ZWOLLE = { inhabitants: 128_000, wmoClients: 13_000, jeugdhulpYoung: 2_900, bijstandHouseholds: 5_800 };

/**
 * Per-domain factors that bring a gemeente scaled on Zwolle's inhabitants to the national rates:
 * Zwolle's WMO and bijstand rates are above the national ones, its jeugdhulp rate a little below.
 */
const NATIONAL_FACTORS = {
	wmo: NATIONAL.wmoClients / NATIONAL.inhabitants / (ZWOLLE.wmoClients / ZWOLLE.inhabitants),
	jeugd: NATIONAL.jeugdhulpYoung / NATIONAL.inhabitants / (ZWOLLE.jeugdhulpYoung / ZWOLLE.inhabitants),
	bijstand:
		NATIONAL.bijstandHouseholds / NATIONAL.inhabitants / (ZWOLLE.bijstandHouseholds / ZWOLLE.inhabitants),
	// A national survey asks fewer people per buurt than Zwolle's Buurt-voor-Buurt (about 2% of adults a wave).
	survey: 0.35
};

/** Inhabitants per generated buurt and wijk (the Dutch averages: about 14.000 buurten, 3.300 wijken). */
const PER_BUURT = 1_300;
const PER_WIJK = 5_500;

/** A generated gemeente: code, name, inhabitants and its area division. */
export interface GeneratedGemeente {
	code: string;
	name: string;
	inhabitants: number;
	wijken: Record<string, string>[];
	buurten: Record<string, string>[];
}

/**
 * The generated gemeenten of the national set: codes GM9001… (no real gemeente has a 9xxx code, so
 * none can be mistaken for real), named "Voorbeeldgemeente 001"…, sizes drawn from a log-normal
 * distribution like the real one (a few large cities, many gemeenten of 20.000–50.000) and scaled so
 * that, with Zwolle and Groningen, the country has its real number of inhabitants. Every gemeente gets
 * wijken and buurten in CBS code form (WK9001 01, BU9001 01 01).
 */
export function generateGemeenten(options: {
	seed: number;
	count: number;
	inhabitants: number;
}): GeneratedGemeente[] {
	const rng = new Random(options.seed);
	const raw = Array.from({ length: options.count }, () => Math.exp(rng.normal(Math.log(30_000), 0.85)));
	const factor = options.inhabitants / raw.reduce((a, b) => a + b, 0);
	return raw.map((r, i) => {
		const code = `GM${9001 + i}`;
		const digits = code.slice(2);
		const inhabitants = Math.round(Math.min(950_000, Math.max(950, r * factor)));
		const nWijken = Math.min(99, Math.max(1, Math.round(inhabitants / PER_WIJK)));
		const nBuurten = Math.min(nWijken * 99, Math.max(nWijken, Math.round(inhabitants / PER_BUURT)));
		const wijken: Record<string, string>[] = [];
		const buurten: Record<string, string>[] = [];
		for (let w = 0; w < nWijken; w++) {
			const wijkcode = `WK${digits}${String(w).padStart(2, '0')}`;
			wijken.push({
				statcode: wijkcode,
				statnaam: `Wijk ${String(w).padStart(2, '0')}`,
				gemeentecode: code,
				wijkcode
			});
			// Buurten spread over the wijken as evenly as the counts allow.
			const from = Math.floor((w * nBuurten) / nWijken);
			const to = Math.floor(((w + 1) * nBuurten) / nWijken);
			for (let b = 0; b < to - from; b++) {
				buurten.push({
					statcode: `BU${digits}${String(w).padStart(2, '0')}${String(b).padStart(2, '0')}`,
					statnaam: `Buurt ${String(w).padStart(2, '0')}${String(b).padStart(2, '0')}`,
					gemeentecode: code,
					wijkcode
				});
			}
		}
		return {
			code,
			name: `Voorbeeldgemeente ${String(i + 1).padStart(3, '0')}`,
			inhabitants,
			wijken,
			buurten
		};
	});
}

/** The 340 generated gemeenten of the national set (the same ones the sample's CBS table lists). */
export function nationalGemeenten(seed: number): GeneratedGemeente[] {
	return generateGemeenten({
		seed: seed + 7,
		count: NATIONAL.gemeenten - 2,
		inhabitants: NATIONAL.inhabitants - ZWOLLE.inhabitants - GRONINGEN_INHABITANTS
	});
}

/**
 * `npm run synth -- --schaal landelijk`: every gemeente of the country, ten years and more of
 * registrations. Zwolle and Groningen as in the sample (real CBS areas); the other 340 generated,
 * with their own area division delivered beside the exports. About 1,2 million WMO clients, 450.000
 * young people in jeugdhulp and 400.000 bijstand households a year nationally.
 *
 * `gemeenten` limits the number of generated gemeenten (for tests); the sizes stay national.
 */
export async function writeNational(options: {
	paths: Paths;
	seed?: number;
	gemeenten?: number;
	onGemeente?: (done: number, total: number) => void;
}): Promise<{ gemeenten: number; inhabitants: number }> {
	const seed = options.seed ?? DEFAULT_SEED;
	await rm(options.paths.raw, { recursive: true, force: true });
	await writeSample({ paths: options.paths, seed });
	const zwolle = loadZwolleBuurten(options.paths.reference);
	const all = nationalGemeenten(seed);
	const chosen = all.slice(0, options.gemeenten ?? all.length);
	const zwolleAdults = sum(zwolle, (b) => b.adults);
	const zwolleYouth = sum(zwolle, youth);
	let i = 0;
	for (const g of chosen) {
		const buurten = synthesizeBuurten({
			seed: seed + 10_000 + i,
			zwolle,
			areas: g.buurten,
			profile: {
				adults: (g.inhabitants / g.buurten.length) * 0.8,
				share65: 0.2,
				shareUnder18: 0.2,
				participatie: 5.2,
				isolement: 2.1
			}
		});
		await writeGemeente({
			paths: options.paths,
			gemeente: g.code,
			name: g.name,
			buurten,
			seed: seed + 20_000 + i * 10,
			scale: 1,
			size: {
				adults: sum(buurten, (b) => b.adults) / zwolleAdults,
				youth: sum(buurten, youth) / zwolleYouth
			},
			factors: NATIONAL_FACTORS,
			areas: { wijken: g.wijken, buurten: g.buurten },
			finance: false
		});
		options.onGemeente?.(++i, chosen.length);
	}
	return {
		gemeenten: chosen.length + 2,
		inhabitants: ZWOLLE.inhabitants + GRONINGEN_INHABITANTS + sum(chosen, (g) => g.inhabitants)
	};
}

const sum = <T>(xs: T[], pick: (x: T) => number) => xs.reduce((a, x) => a + pick(x), 0);
const youth = (b: SynthBuurt) => (b.adults / (1 - b.shareUnder18)) * b.shareUnder18;
