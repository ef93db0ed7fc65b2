import { Random } from './random';

/** One respondent of a client-experience survey. */
export interface ExperienceRecord {
	respondentnummer: string;
	jaar: number;
	onderzoek: 'swt' | 'wmo' | 'jeugd' | 'ouders';
	gewicht: number;
	swt_vindbaar: boolean | null;
	swt_voldoende: boolean | null;
	maatwerk_draagt_bij: boolean | null;
	ouders_kennen_swt: boolean | null;
	jeugdhulp_cijfer: number | null;
}

/**
 * Client-experience surveys from the nulmeting at the end of 2015 on: shares and mean cijfers per
 * year, with about 400–600 respondents per survey. The story: SWT known and valued a little more each
 * year; jeugdhulp around a 7.
 */
const SHARES: Record<
	number,
	{ vindbaar: number; voldoende: number; draagtBij: number; ouders: number; cijfer: number }
> = {
	2015: { vindbaar: 0.62, voldoende: 0.71, draagtBij: 0.74, ouders: 0.72, cijfer: 6.9 },
	2016: { vindbaar: 0.67, voldoende: 0.73, draagtBij: 0.76, ouders: 0.78, cijfer: 7.1 },
	2017: { vindbaar: 0.7, voldoende: 0.75, draagtBij: 0.77, ouders: 0.81, cijfer: 7.2 },
	2018: { vindbaar: 0.72, voldoende: 0.76, draagtBij: 0.78, ouders: 0.82, cijfer: 7.1 },
	2019: { vindbaar: 0.73, voldoende: 0.77, draagtBij: 0.79, ouders: 0.83, cijfer: 7.3 },
	2020: { vindbaar: 0.71, voldoende: 0.74, draagtBij: 0.77, ouders: 0.8, cijfer: 7.0 },
	2021: { vindbaar: 0.74, voldoende: 0.76, draagtBij: 0.78, ouders: 0.82, cijfer: 7.2 },
	2022: { vindbaar: 0.75, voldoende: 0.77, draagtBij: 0.79, ouders: 0.83, cijfer: 7.3 },
	2023: { vindbaar: 0.76, voldoende: 0.78, draagtBij: 0.8, ouders: 0.84, cijfer: 7.3 },
	2024: { vindbaar: 0.77, voldoende: 0.78, draagtBij: 0.8, ouders: 0.85, cijfer: 7.4 }
};

/** Generates the client-experience surveys, deterministic from the seed. */
export function generateClientervaring(options: { seed: number; scale?: number }): ExperienceRecord[] {
	const rng = new Random(options.seed);
	const records: ExperienceRecord[] = [];
	const empty = {
		swt_vindbaar: null,
		swt_voldoende: null,
		maatwerk_draagt_bij: null,
		ouders_kennen_swt: null,
		jeugdhulp_cijfer: null
	};
	for (const [y, s] of Object.entries(SHARES)) {
		const jaar = Number(y);
		for (const onderzoek of ['swt', 'wmo', 'jeugd', 'ouders'] as const) {
			const n = Math.round((400 + rng.int(0, 200)) * (options.scale ?? 1));
			for (let i = 0; i < n; i++) {
				const r: ExperienceRecord = {
					respondentnummer: `E${jaar}${String(records.length).padStart(6, '0')}`,
					jaar,
					onderzoek,
					gewicht: Math.round(Math.exp(rng.normal(0, 0.3)) * 100) / 100,
					...empty
				};
				if (onderzoek === 'swt') {
					r.swt_vindbaar = rng.next() < s.vindbaar;
					r.swt_voldoende = rng.next() < s.voldoende;
				} else if (onderzoek === 'wmo') r.maatwerk_draagt_bij = rng.next() < s.draagtBij;
				else if (onderzoek === 'jeugd')
					r.jeugdhulp_cijfer = Math.max(1, Math.min(10, Math.round(rng.normal(s.cijfer, 1.4))));
				else r.ouders_kennen_swt = rng.next() < s.ouders;
				records.push(r);
			}
		}
	}
	return records;
}
