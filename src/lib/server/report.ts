import { trendChart } from '../charts/trend';
import { figureMarkup } from '../charts/figure';
import { type Manifest, type ReleaseInfo, releaseInfo } from '../db/manifest';
import { sqlString, type QueryEngine } from '../db/query';
import { statement, type StatementLine } from '../finance/statement';
import {
	PHASES,
	type FinanceData,
	type KredietRow,
	type KredietTotalRow,
	type Phase
} from '../finance/types';
import { formatValue } from '../format';
import { baselineText, normText } from '../indicators/describe-baseline';
import { baselineRoundingNote } from '../indicators/rounding-note';
import { countStatuses, type StatusCounts } from '../indicators/status-counts';
import { judgeStreefdoel } from '../indicators/status';
import type { Judgement } from '../indicators/types';
import { ReportError, type ReportBlock, type ReportSource } from '../reports/parse';
import type { Gemeente } from '../gemeente/types';
import { isProvisional } from '../reports/provisional';
import { reportGoal } from '../reports/references';
import { loadFinanceData, loadTaakvelden } from '../finance/view';
import { serverDocument } from './indicator-page';
import { loadIndicators, type IndicatorEntry } from './indicators';

/** One streefdoel as a report shows it. */
interface ReportIndicator {
	id: string;
	title: string;
	indicator: string;
	baseline: string;
	/** why the stated nulsituatie differs from the published figure of its year (rounding), if it does */
	baselineNote: string | null;
	norm: string;
	realisatie: { year: number; text: string; provisional: boolean } | null;
	judgement: Judgement;
	/** which year the status judges and how the figure moved since */
	since: string | null;
	rule: string;
	chart: string | null;
	/** the chart's figures as text, its alternative on screen and on paper (WCAG 1.1.1) */
	values: string;
	source: string;
}

/** A report block ready to render. */
export type ResolvedBlock =
	| Extract<ReportBlock, { kind: 'heading' | 'paragraph' | 'list' }>
	| { kind: 'indicators'; goal: string | null; items: ReportIndicator[]; counts: StatusCounts }
	| { kind: 'activities'; goal: string; items: string[] }
	| {
			kind: 'statement';
			year: number;
			phase: Phase;
			lines: StatementLine[];
			provisional: boolean;
			caption: string;
	  }
	| { kind: 'kredieten'; year: number; doel: string; rows: KredietRow[]; totals: KredietTotalRow[] }
	| {
			kind: 'bestedingen';
			year: number;
			doel: string;
			rows: { soort: string; nummer: number; omschrijving: string; bedrag: number }[];
	  }
	| { kind: 'leeswijzer' };

/** A report resolved against the release: for the begroting (latest data) or a jaarverslag year. */
export interface ReportView {
	name: string;
	title: string;
	gemeente: { code: string; name: string };
	/** null: the begroting variant (latest data); a year: the jaarverslag of that year */
	year: number | null;
	years: number[];
	blocks: ResolvedBlock[];
	release: ReleaseInfo;
	generated: string;
}

/** What resolving a report's blocks needs, shared by every kind of block. */
interface ReportContext {
	source: ReportSource;
	engine: QueryEngine;
	manifest: Manifest;
	gemeente: { code: string; name: string };
	year: number | null;
	entries: IndicatorEntry[];
	finance: FinanceData;
	/** years with a realisatie in the ledger */
	ledgerYears: number[];
	/** years with data the report refers to: the jaarverslag years it offers */
	dataYears: Set<number>;
	document: Document;
}

type Directive = Extract<ReportBlock, { kind: 'directive' }>;

/**
 * Resolves a report's references against the catalogue, the indicators and the money in the release.
 * A reference to an unknown doel, streefdoel or year is an error naming file, line and the id.
 */
export async function resolveReport(options: {
	source: ReportSource;
	engine: QueryEngine;
	manifest: Manifest;
	/** the report's own gemeente (its folder); the report's `gemeente` setting was checked against it */
	gemeente: Gemeente;
	gemeentenDir: string;
	referenceDir: string;
	year: number | null;
	today: string;
}): Promise<ReportView> {
	const { source, engine, manifest, year } = options;
	const gemeente = { code: options.gemeente.code, name: options.gemeente.name };
	const finance = await loadFinanceData({
		engine,
		manifest,
		gemeente: source.gemeente,
		taakvelden: await loadTaakvelden({ engine, referenceDir: options.referenceDir })
	});
	const context: ReportContext = {
		source,
		engine,
		manifest,
		gemeente,
		year,
		entries: (await loadIndicators({ engine, manifest, gemeentenDir: options.gemeentenDir })).filter(
			(e) => e.gemeente.code === gemeente.code
		),
		finance,
		ledgerYears: [...new Set(finance.ledger.filter((r) => r.fase === 'realisatie').map((r) => r.jaar))],
		dataYears: new Set(),
		document: serverDocument()
	};
	const blocks: ResolvedBlock[] = [];
	for (const b of source.blocks) {
		if (b.kind === 'directive') blocks.push(...(await resolveDirective(context, b, options.gemeente)));
		else blocks.push(b);
	}
	return {
		name: source.name,
		title: year === null ? source.title : `${source.title}: jaarverslag ${year}`,
		gemeente,
		year,
		years: source.annual ? [...context.dataYears].sort((a, b) => a - b) : [],
		blocks,
		release: releaseInfo(manifest),
		generated: options.today
	};
}

/** One directive as the blocks it stands for; every directive the parser knows is handled. */
async function resolveDirective(
	context: ReportContext,
	b: Directive,
	gemeente: Gemeente
): Promise<ResolvedBlock[]> {
	const p = b.params;
	switch (b.name) {
		case 'streefdoelen': {
			const goal = goalOf(context, gemeente, p['doel']!, b.line);
			const found = goal.streefdoelen.map((s) => context.entries.find((e) => e.streefdoel.id === s.id)!);
			return [
				indicatorsBlock(
					goal.name,
					found.map((e) => reportIndicator(context, e))
				)
			];
		}
		case 'streefdoel': {
			const e =
				context.entries.find((x) => x.streefdoel.id === p['id']) ??
				fail(
					context,
					b.line,
					`onbekend streefdoel of indicator "${p['id']}"; bekend: ${context.entries.map((x) => x.streefdoel.id).join(', ')}`
				);
			return [indicatorsBlock(null, [reportIndicator(context, e)])];
		}
		case 'activiteiten': {
			const goal = goalOf(context, gemeente, p['doel']!, b.line);
			return [
				{
					kind: 'activities',
					goal: goal.name,
					items: [...new Set(goal.streefdoelen.flatMap((s) => s.activities))]
				}
			];
		}
		case 'baten-lasten':
			return moneyBlock(context, b, (y) => statementBlock(context, b, y));
		case 'kredieten':
			return moneyBlock(context, b, (y) => ({
				kind: 'kredieten',
				year: y,
				doel: p['doel']!,
				rows: context.finance.kredieten.filter((k) => k.jaar === y && k.doel === p['doel']),
				totals: context.finance.kredietTotals.filter((k) => k.jaar === y && k.doel === p['doel'])
			}));
		case 'bestedingsvoorstellen':
			return moneyBlock(context, b, async (y) => ({
				kind: 'bestedingen',
				year: y,
				doel: p['doel']!,
				rows: await bestedingsvoorstellen(context, y, p['doel']!)
			}));
		case 'leeswijzer':
			return [{ kind: 'leeswijzer' }];
		default: {
			const unknown: never = b.name;
			return fail(context, b.line, `verwijzing "${String(unknown)}" wordt niet ondersteund`);
		}
	}
}

function fail(context: ReportContext, line: number, message: string): never {
	throw new ReportError(`${context.source.file} regel ${line}: ${message}`);
}

/** The catalogue doel a directive names, from the catalogue of the report's begroting and programme. */
function goalOf(context: ReportContext, gemeente: Gemeente, name: string, line: number) {
	const goal = reportGoal({ source: context.source, catalogs: gemeente.catalogs, name });
	return typeof goal === 'string' ? fail(context, line, goal) : goal;
}

/** Streefdoelen as a block, with their statuses counted so that the counts add up to the block. */
function indicatorsBlock(goal: string | null, items: ReportIndicator[]): ResolvedBlock {
	return {
		kind: 'indicators',
		goal,
		items,
		counts: countStatuses({ statuses: items.map((i) => i.judgement.status) })
	};
}

/** One streefdoel as the report shows it, judged as of the report's year; its years are data years. */
function reportIndicator(context: ReportContext, e: IndicatorEntry): ReportIndicator {
	const { manifest, year, gemeente, document } = context;
	for (const o of e.observations) context.dataYears.add(o.year);
	const s = e.streefdoel;
	const { judgement, observations, latest, since } = judgeStreefdoel({
		streefdoel: s,
		observations: e.observations,
		measured: e.spec !== null,
		year
	});
	const peildatum = s.measure?.periodKind === 'peildatum';
	return {
		id: s.id,
		title: s.title,
		indicator: s.indicator,
		baseline: baselineText({
			baseline: s.baseline,
			unit: s.unit,
			observations: e.observations,
			source: s.source
		}),
		baselineNote: baselineRoundingNote({
			baseline: s.baseline,
			observations: e.observations,
			unit: s.unit,
			roundingBase: manifest.disclosure.roundingBase
		}),
		norm: s.norm.text ?? normText({ norm: s.norm, unit: s.unit }),
		realisatie: latest
			? {
					year: latest.year,
					text: `${formatValue(latest.value, s.unit)} (${peildatum ? `1-1-${latest.year}` : latest.year})`,
					provisional: isProvisional({ year: latest.year, dataDate: manifest.dataDate, peildatum })
				}
			: null,
		judgement,
		since,
		rule: judgement.rule,
		chart:
			observations.length > 0
				? figureMarkup(
						trendChart({
							observations,
							baseline: s.baseline,
							norm: s.norm,
							unit: s.unit,
							label: gemeente.name,
							document,
							width: 640
						})
					)
				: null,
		values: observations.map((o) => `${o.year} ${formatValue(o.value, s.unit, 'onderdrukt')}`).join(', '),
		source: `${s.source}${s.measure ? `; ${s.measure.period}` : ''}`
	};
}

/**
 * A block about money in the report's year: in a jaarverslag without realisatie for that year, a
 * sentence saying so; in the begroting variant, the year the directive names (which must have data).
 */
async function moneyBlock(
	context: ReportContext,
	b: Directive,
	resolve: (year: number) => ResolvedBlock | Promise<ResolvedBlock>
): Promise<ResolvedBlock[]> {
	const { year, ledgerYears, finance } = context;
	if (year !== null && !ledgerYears.includes(year))
		return [
			{ kind: 'paragraph', text: `Over ${year} zijn geen financiële gegevens aangeleverd.`, line: b.line }
		];
	for (const y of ledgerYears) context.dataYears.add(y);
	if (year !== null) return [await resolve(year)];
	const y = Number(b.params['jaar']);
	const years = [...new Set(finance.ledger.map((r) => r.jaar))];
	if (!years.includes(y))
		fail(
			context,
			b.line,
			`geen financiële gegevens voor jaar ${b.params['jaar']} (wel: ${years.join(', ') || 'geen'})`
		);
	return [await resolve(y)];
}

/** The overview of baten en lasten for a doel, a programme or the whole begroting, in one phase. */
function statementBlock(context: ReportContext, b: Directive, y: number): ResolvedBlock {
	const p = b.params;
	const phase = (context.year !== null ? 'realisatie' : (p['fase'] ?? 'primitieve begroting')) as Phase;
	if (!PHASES.includes(phase))
		fail(context, b.line, `onbekende fase "${p['fase']}"; kies uit ${PHASES.join(', ')}`);
	const all = statement({ ledger: context.finance.ledger, year: y, phase });
	const lines = p['doel']
		? all.filter((l) => l.level === 'doel' && l.code === p['doel'])
		: p['programma']
			? all.filter((l) => l.programme === p['programma'] && l.level !== 'totaal')
			: all;
	if (lines.length === 0)
		fail(
			context,
			b.line,
			`geen bedragen voor ${p['doel'] ? `doel ${p['doel']}` : `programma ${p['programma']}`} in ${y} (${phase})`
		);
	return {
		kind: 'statement',
		year: y,
		phase,
		lines,
		provisional:
			phase === 'realisatie' &&
			isProvisional({ year: y, dataDate: context.manifest.dataDate, peildatum: false }),
		caption: `Overzicht baten en lasten${p['doel'] ? ` doel ${p['doel']}` : p['programma'] ? ` programma ${p['programma']}` : ''}, ${phase} ${y}`
	};
}

/** The bestedingsvoorstellen of a doel in a year, when the release has them. */
async function bestedingsvoorstellen(context: ReportContext, year: number, doel: string) {
	if (!context.manifest.tables['bestedingsvoorstellen']) return [];
	return context.engine.query<{ soort: string; nummer: number; omschrijving: string; bedrag: number }>(
		`SELECT soort, nummer, omschrijving, bedrag FROM bestedingsvoorstellen WHERE gemeente = ${sqlString(context.source.gemeente)} AND jaar = ${year} AND doel = ${sqlString(doel)} ORDER BY soort, nummer`
	);
}
