import { taakveldenSql } from './taakvelden';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Gemeente } from '../gemeente/types';
import { type Manifest, type ReleaseInfo, releaseInfo } from '../db/manifest';
import { sqlIdent, sqlString, type QueryEngine, type Row } from '../db/query';
import { columnsOf } from '../schemas/column';
import {
	batenLastenSchema,
	iv3Schema,
	kredietSchema,
	kredietTotalenSchema,
	overzichtSchema
} from '../schemas/financien';
import { reconcile, rollUpTaakveld, type Reconciliation } from './reconcile';
import { DEFAULT_SETTINGS, parseFinanceSettings, type FinanceSettings } from './settings';
import { statement, type StatementLine } from './statement';
import {
	PHASES,
	type FinanceData,
	type Iv3Row,
	type KredietRow,
	type KredietTotalRow,
	type LedgerRow,
	type Phase,
	type StatedRow,
	type Taakveld
} from './types';
import { costPerResult, variances, type CostPerResult, type Variance } from './variance';
import { observationsSql, type ObservationRow } from '../measures/sql';

/** Everything the financial page of one year shows, computed at build time. */
export interface FinanceYearView {
	year: number;
	statements: Record<Phase, StatementLine[]>;
	/** the document's own overview, when delivered, to show next to the computed one */
	stated: StatedRow[];
	reconciliation: Reconciliation;
	variances: Variance[];
	kredieten: KredietRow[];
	kredietTotals: KredietTotalRow[];
	bestedingen: { soort: string; nummer: number; doel: string; omschrijving: string; bedrag: number }[];
	costPerResult: CostPerResult[];
}

/** The financial view of a gemeente: every year, and the Iv3 series rolled up across the 2023 split. */
export interface FinanceView {
	gemeente: { code: string; name: string };
	years: number[];
	settings: FinanceSettings;
	byYear: Record<number, FinanceYearView>;
	/** lasten per taakveld (2023 sub-codes rolled up to their parent) per year, realisatie or else the latest phase */
	iv3Series: { taakveld: string; name: string; values: Record<number, number> }[];
	release: ReleaseInfo;
}

/** Reads the controller's settings of a gemeente (`financien.yaml` in its folder), or the defaults. */
export function loadFinanceSettings(options: { gemeente: Gemeente }): FinanceSettings {
	const path = options.gemeente.settingsFile;
	if (!path) return DEFAULT_SETTINGS;
	return parseFinanceSettings({ text: readFileSync(path, 'utf8'), file: relative(process.cwd(), path) });
}

/** Reads every published financial table of a gemeente; exports that were not delivered come back empty. */
export async function loadFinanceData(options: {
	engine: QueryEngine;
	manifest: Manifest;
	gemeente: string;
	taakvelden: Taakveld[];
}): Promise<FinanceData> {
	const { engine, manifest, gemeente } = options;
	// Each table's columns named explicitly, as its row type declares them (no SELECT *).
	const read = async <T extends object>(
		table: string,
		columns: readonly (keyof T & string)[],
		order: string
	) =>
		manifest.tables[table]
			? engine.query<T & Row>(
					`SELECT ${columns.map(sqlIdent).join(', ')} FROM ${sqlIdent(table)} WHERE gemeente = ${sqlString(gemeente)} ORDER BY ${order}`
				)
			: [];
	return {
		ledger: await read<LedgerRow>(
			'baten_lasten',
			columnsOf(batenLastenSchema),
			'jaar, programma, doel, taakveld, fase'
		),
		stated: await read<StatedRow>(
			'baten_lasten_overzicht',
			columnsOf(overzichtSchema),
			'jaar, fase, niveau, code'
		),
		kredieten: await read<KredietRow>('kredieten', columnsOf(kredietSchema), 'jaar, doel, status, krediet'),
		kredietTotals: await read<KredietTotalRow>(
			'kredieten_totalen',
			columnsOf(kredietTotalenSchema),
			'jaar, doel, regel'
		),
		iv3: await read<Iv3Row>('iv3', columnsOf(iv3Schema), 'jaar, fase, taakveld'),
		taakvelden: options.taakvelden,
		delivered: {
			stated: Boolean(manifest.tables['baten_lasten_overzicht']),
			kredietTotals: Boolean(manifest.tables['kredieten_totalen']),
			iv3: Boolean(manifest.tables['iv3'])
		}
	};
}

/** Reads the Iv3 taakvelden reference (`data/reference/begroting/iv3_taakvelden_sociaal_domein.csv`). */
export async function loadTaakvelden(options: {
	engine: QueryEngine;
	referenceDir: string;
}): Promise<Taakveld[]> {
	return options.engine.query<Taakveld & Record<string, string | number | null>>(
		taakveldenSql(options.referenceDir)
	);
}

/** Builds the financial view of one gemeente from the release. */
export async function buildFinanceView(options: {
	engine: QueryEngine;
	manifest: Manifest;
	gemeente: { code: string; name: string };
	settings: FinanceSettings;
	referenceDir: string;
}): Promise<FinanceView> {
	const { engine, manifest, gemeente, settings } = options;
	const taakvelden = await loadTaakvelden({ engine, referenceDir: options.referenceDir });
	const data = await loadFinanceData({ engine, manifest, gemeente: gemeente.code, taakvelden });
	const years = [...new Set([...data.ledger.map((r) => r.jaar), ...data.stated.map((r) => r.jaar)])].sort();

	const volumes: { doel: string; unit: string; year: number; value: number | null }[] = [];
	for (const v of settings.volumes) {
		if (!manifest.tables[v.measure.table]) continue;
		const rows = await engine.query<ObservationRow>(
			observationsSql({ measure: v.measure, gemeente: gemeente.code, area: gemeente.code })
		);
		for (const r of rows)
			if (years.includes(r.year)) volumes.push({ doel: v.doel, unit: v.unit, year: r.year, value: r.value });
	}
	const costs = costPerResult({ ledger: data.ledger, volumes });

	const byYear: Record<number, FinanceYearView> = {};
	for (const year of years) {
		byYear[year] = {
			year,
			statements: Object.fromEntries(
				PHASES.map((phase) => [phase, statement({ ledger: data.ledger, year, phase })])
			) as Record<Phase, StatementLine[]>,
			stated: data.stated.filter((r) => r.jaar === year),
			reconciliation: reconcile({ data, year, tolerance: settings.tolerance }),
			variances: variances({
				ledger: data.ledger,
				year,
				threshold: settings.threshold,
				explanations: settings.explanations
			}),
			kredieten: data.kredieten.filter((k) => k.jaar === year),
			kredietTotals: data.kredietTotals.filter((k) => k.jaar === year),
			bestedingen: manifest.tables['bestedingsvoorstellen']
				? await engine.query(
						`SELECT soort, nummer, doel, omschrijving, bedrag FROM bestedingsvoorstellen WHERE gemeente = ${sqlString(gemeente.code)} AND jaar = ${year} ORDER BY soort, nummer`
					)
				: [],
			costPerResult: costs.filter((c) => c.year === year)
		};
	}

	// The Iv3 series per parent taakveld: realisatie where there is one, else the amended budget.
	const series = new Map<string, Record<number, number>>();
	for (const year of years) {
		const inYear = data.iv3.filter((r) => r.jaar === year);
		const phase = (['realisatie', 'begroting na wijziging', 'primitieve begroting'] as const).find((p) =>
			inYear.some((r) => r.fase === p)
		);
		for (const r of inYear.filter((x) => x.fase === phase)) {
			const parent = rollUpTaakveld({ code: r.taakveld, taakvelden });
			const values = series.get(parent) ?? {};
			values[year] = (values[year] ?? 0) + r.lasten;
			series.set(parent, values);
		}
	}
	const iv3Series = [...series.entries()]
		.map(([taakveld, values]) => ({
			taakveld,
			name: taakvelden.filter((t) => t.code === taakveld).at(0)?.naam ?? '',
			values
		}))
		.sort((a, b) => a.taakveld.localeCompare(b.taakveld, 'nl', { numeric: true }));

	return {
		gemeente,
		years,
		settings,
		byYear,
		iv3Series,
		release: releaseInfo(manifest)
	};
}

/** The years of each gemeente with a ledger in the release (gemeenten without one are absent). */
export async function financeYears(options: {
	engine: QueryEngine;
	manifest: Manifest;
}): Promise<Map<string, number[]>> {
	const years = new Map<string, number[]>();
	if (!options.manifest.tables['baten_lasten']) return years;
	const rows = await options.engine.query<{ gemeente: string; jaar: number }>(
		'SELECT DISTINCT gemeente, jaar FROM baten_lasten ORDER BY gemeente, jaar'
	);
	for (const r of rows) years.set(r.gemeente, [...(years.get(r.gemeente) ?? []), Number(r.jaar)]);
	return years;
}
