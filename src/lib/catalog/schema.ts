import { z } from 'zod';

// Advisors read these messages: Dutch, like the rest of the product.
z.config(z.locales.nl());
import { MEASURE_TABLES, TABLES, type MeasureTable } from '../measures/tables';
import type { Baseline, Direction, Norm } from '../indicators/types';
import type { Unit } from '../format';

const year = z.number().int().min(1990).max(2100);

const nulsituatie = z.union([
	z.strictObject({ waarde: z.number(), jaar: year, tekst: z.string().optional() }),
	z.strictObject({ uit_data: year, tekst: z.string().optional() }),
	z.strictObject({ nog_niet_vastgesteld: z.string().min(1) })
]);

const norm = z.discriminatedUnion(
	'soort',
	[
		z.strictObject({
			soort: z.literal('streefwaarde'),
			waarde: z.number(),
			jaar: year,
			tussenstappen: z.array(z.strictObject({ jaar: year, waarde: z.number() })).optional(),
			tekst: z.string().optional()
		}),
		z.strictObject({
			soort: z.literal('minimum'),
			waarde: z.number(),
			jaar: year,
			tekst: z.string().optional()
		}),
		z.strictObject({
			soort: z.literal('maximum'),
			waarde: z.number(),
			jaar: year,
			tekst: z.string().optional()
		}),
		z.strictObject({
			soort: z.enum(['stijging', 'daling']),
			referentiejaar: year,
			jaar: year,
			strikt: z.boolean(),
			tekst: z.string().optional()
		}),
		z.strictObject({ soort: z.literal('geen'), tekst: z.string().optional() })
	],
	{ error: 'onbekende soort norm: kies uit streefwaarde, minimum, maximum, stijging, daling of geen' }
);

/**
 * The periods a measure's year can stand for, and how each reads: a stand on 1 January of the year
 * (`peildatum`: settled soon after that date) or something over the year (`jaar`: settled half a
 * year after it ends). A validated field, so no code decides this from free text.
 */
const PERIODS = {
	kalenderjaar: 'jaar',
	'kalenderjaar van de melding': 'jaar',
	'jaar waarin het traject eindigde': 'jaar',
	'jaar van het onderzoek': 'jaar',
	enquêtejaar: 'jaar',
	'stand eind van het jaar': 'jaar',
	'peildatum 1 januari': 'peildatum'
} as const satisfies Record<string, PeriodKind>;
/** A period of the catalogue (`meting.periode`). */
type Period = keyof typeof PERIODS;
/** How a period reads. */
type PeriodKind = 'jaar' | 'peildatum';

const meting = z
	.strictObject({
		tabel: z.enum(MEASURE_TABLES),
		filter: z.record(z.string(), z.string()),
		periode: z.enum(Object.keys(PERIODS) as [Period, ...Period[]], {
			error: `onbekende periode: kies uit ${Object.keys(PERIODS).join(', ')} (een toelichting hoort in periode_toelichting)`
		}),
		periode_toelichting: z.string().min(1).optional()
	})
	.superRefine((m, ctx) => {
		const dims: Record<string, readonly string[]> = TABLES[m.tabel].dimensions;
		for (const [key, value] of Object.entries(m.filter)) {
			const allowed = dims[key];
			if (!allowed) {
				ctx.addIssue({
					code: 'custom',
					path: ['filter', key],
					message: `onbekende kolom "${key}" voor tabel ${m.tabel}; kies uit: ${Object.keys(dims).join(', ')}`
				});
			} else if (!allowed.includes(value)) {
				ctx.addIssue({
					code: 'custom',
					path: ['filter', key],
					message: `onbekende waarde "${value}"; kies uit: ${allowed.join(', ')}`
				});
			}
		}
	});

const streefdoel = z.strictObject({
	id: z.string().regex(/^[a-z0-9-]+$/, 'gebruik alleen kleine letters, cijfers en streepjes'),
	titel: z.string().min(1),
	indicator: z.string().min(1),
	eenheid: z.enum(['aantal', 'procent', 'schaalscore', 'rapportcijfer']),
	richting: z.enum(['hoger', 'lager']),
	nulsituatie,
	norm,
	meting: meting.nullable(),
	bron: z.string().min(1),
	activiteiten: z.array(z.string()).optional()
});

/** The YAML catalogue file, as advisors write it (Dutch keys). */
export const catalogFileSchema = z.strictObject({
	gemeente: z.strictObject({
		code: z.string().regex(/^GM\d{4}$/, 'verwacht een CBS-code: GM en vier cijfers'),
		naam: z.string()
	}),
	begrotingsjaar: year,
	bron: z.string().min(1),
	programma: z.strictObject({ nummer: z.string(), naam: z.string().min(1) }),
	doelen: z.array(z.strictObject({ naam: z.string().min(1), streefdoelen: z.array(streefdoel) })).min(1)
});

/** A catalogue file as parsed from YAML. */
export type CatalogFile = z.infer<typeof catalogFileSchema>;

/** A streefdoel as the rest of the code uses it. */
export interface Streefdoel {
	id: string;
	title: string;
	indicator: string;
	unit: Unit;
	direction: Direction;
	baseline: Baseline;
	norm: Norm;
	measure: {
		table: MeasureTable;
		filter: Record<string, string>;
		/** the period as the reader sees it, with its explanation */
		period: string;
		periodKind: PeriodKind;
	} | null;
	source: string;
	activities: string[];
}

/** A catalogue: one programme of one gemeente's begroting. */
export interface Catalog {
	gemeente: { code: string; name: string };
	budgetYear: number;
	source: string;
	programme: { number: string; name: string };
	goals: { name: string; streefdoelen: Streefdoel[] }[];
}

/** Converts a validated file to the internal form. */
export function toCatalog(file: CatalogFile): Catalog {
	return {
		gemeente: { code: file.gemeente.code, name: file.gemeente.naam },
		budgetYear: file.begrotingsjaar,
		source: file.bron,
		programme: { number: file.programma.nummer, name: file.programma.naam },
		goals: file.doelen.map((d) => ({
			name: d.naam,
			streefdoelen: d.streefdoelen.map((s) => ({
				id: s.id,
				title: s.titel,
				indicator: s.indicator,
				unit: s.eenheid,
				direction: s.richting === 'hoger' ? 'higher' : 'lower',
				baseline: toBaseline(s.nulsituatie),
				norm: toNorm(s.norm),
				measure: s.meting
					? {
							table: s.meting.tabel,
							filter: s.meting.filter,
							period:
								s.meting.periode + (s.meting.periode_toelichting ? ` (${s.meting.periode_toelichting})` : ''),
							periodKind: PERIODS[s.meting.periode]
						}
					: null,
				source: s.bron,
				activities: s.activiteiten ?? []
			}))
		}))
	};
}

function toBaseline(b: z.infer<typeof nulsituatie>): Baseline {
	if ('nog_niet_vastgesteld' in b) return { kind: 'pending', text: b.nog_niet_vastgesteld };
	if ('uit_data' in b) return { kind: 'from-data', year: b.uit_data, text: b.tekst };
	return { kind: 'value', value: b.waarde, year: b.jaar, text: b.tekst };
}

function toNorm(n: z.infer<typeof norm>): Norm {
	switch (n.soort) {
		case 'streefwaarde':
			return {
				kind: 'target',
				value: n.waarde,
				year: n.jaar,
				milestones: n.tussenstappen?.map((t) => ({ year: t.jaar, value: t.waarde })),
				text: n.tekst
			};
		case 'minimum':
			return { kind: 'minimum', value: n.waarde, year: n.jaar, text: n.tekst };
		case 'maximum':
			return { kind: 'maximum', value: n.waarde, year: n.jaar, text: n.tekst };
		case 'stijging':
			return { kind: 'rise', referenceYear: n.referentiejaar, year: n.jaar, strict: n.strikt, text: n.tekst };
		case 'daling':
			return { kind: 'fall', referenceYear: n.referentiejaar, year: n.jaar, strict: n.strikt, text: n.tekst };
		case 'geen':
			return { kind: 'none', text: n.tekst };
	}
}
