import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { nodeAt } from '../catalog/parse';
import { MEASURE_TABLES, TABLES, type MeasureTable } from '../measures/tables';
import type { SignConvention } from './statement';
import type { Explanation, VarianceThreshold } from './variance';

z.config(z.locales.nl());

const settingsSchema = z.strictObject({
	tekenconventie: z.enum(['netto-lasten', 'baten-min-lasten']).default('netto-lasten'),
	tolerantie: z.number().min(0).default(0),
	afwijking: z
		.strictObject({
			bedrag: z.number().min(0),
			procent: z.number().min(0),
			combinatie: z.enum(['en', 'of']).default('en')
		})
		.default({ bedrag: 250_000, procent: 5, combinatie: 'en' }),
	kosten_per_resultaat: z
		.array(
			z.strictObject({
				doel: z.string().regex(/^\d+(\.\d+)*$/, 'verwacht een doelnummer als 2.1.2'),
				eenheid: z.string().min(1),
				meting: z
					.strictObject({ tabel: z.enum(MEASURE_TABLES), filter: z.record(z.string(), z.string()) })
					.superRefine((m, ctx) => {
						const dims: Record<string, readonly string[]> = TABLES[m.tabel].dimensions;
						for (const [key, value] of Object.entries(m.filter)) {
							if (!dims[key]?.includes(value))
								ctx.addIssue({
									code: 'custom',
									path: ['filter', key],
									message: `onbekende kolom of waarde "${key}: ${value}" voor tabel ${m.tabel}`
								});
						}
					})
			})
		)
		.default([]),
	toelichtingen: z
		.array(
			z.strictObject({
				jaar: z.number().int().min(1990).max(2100),
				doel: z.string().regex(/^\d+(\.\d+)*$/, 'verwacht een doelnummer als 2.1.1'),
				kolom: z.enum(['lasten', 'baten', 'saldo']).optional(),
				tekst: z.string().min(1)
			})
		)
		.default([])
});

/** The controller's settings for one gemeente: tolerance, thresholds, volumes and explanations. */
export interface FinanceSettings {
	convention: SignConvention;
	/** euro; differences up to this amount pass (for documents rounded to thousands) */
	tolerance: number;
	threshold: VarianceThreshold;
	volumes: { doel: string; unit: string; measure: { table: MeasureTable; filter: Record<string, string> } }[];
	explanations: Explanation[];
}

/** The settings when a gemeente has no financien.yaml. */
export const DEFAULT_SETTINGS: FinanceSettings = {
	convention: 'netto-lasten',
	tolerance: 0,
	threshold: { amount: 250_000, percent: 5, combine: 'en' },
	volumes: [],
	explanations: []
};

/** Settings that failed validation; the message names the file, line and field. */
export class SettingsError extends Error {
	override name = 'SettingsError';
}

/** Parses `data/catalog/<gemeente>/financien.yaml`; `file` is used in messages only. */
export function parseFinanceSettings(options: { text: string; file: string }): FinanceSettings {
	const lineCounter = new LineCounter();
	const doc = parseDocument(options.text, { lineCounter, prettyErrors: false });
	if (doc.errors.length > 0) {
		const e = doc.errors[0]!;
		throw new SettingsError(
			`${options.file}${e.linePos ? ` regel ${e.linePos[0].line}` : ''}: ongeldige YAML: ${e.message.split('\n')[0]}`
		);
	}
	const parsed = settingsSchema.safeParse(doc.toJS() ?? {});
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => {
			const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
			const node = nodeAt(doc.contents, path);
			const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
			return `  - ${options.file}${line ? ` regel ${line}` : ''}: veld ${path.join('.') || '(bestand)'}: ${issue.message}`;
		});
		throw new SettingsError(
			`De financiële instellingen zijn ongeldig:\n${problems.join('\n')}\nPas het bestand aan (zie docs/financien.md).`
		);
	}
	const s = parsed.data;
	return {
		convention: s.tekenconventie,
		tolerance: s.tolerantie,
		threshold: { amount: s.afwijking.bedrag, percent: s.afwijking.procent, combine: s.afwijking.combinatie },
		volumes: s.kosten_per_resultaat.map((v) => ({
			doel: v.doel,
			unit: v.eenheid,
			measure: { table: v.meting.tabel, filter: v.meting.filter }
		})),
		explanations: s.toelichtingen.map((t) => ({ year: t.jaar, doel: t.doel, column: t.kolom, text: t.tekst }))
	};
}
