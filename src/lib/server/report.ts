import { trendChart } from '../charts/trend';
import { figureMarkup } from '../charts/figure';
import type { Manifest } from '../db/manifest';
import { sqlString, type QueryEngine } from '../db/query';
import { statement, type StatementLine } from '../finance/statement';
import { PHASES, type KredietRow, type KredietTotalRow, type Phase } from '../finance/types';
import { formatValue } from '../format';
import { baselineText, normText } from '../indicators/describe-baseline';
import { describeNorm } from '../indicators/describe';
import { judgeStreefdoel } from '../indicators/status';
import type { Judgement } from '../indicators/types';
import { ReportError, type ReportBlock, type ReportSource } from '../reports/parse';
import type { Gemeente } from '../gemeente/types';
import { isProvisional } from '../reports/provisional';
import { loadFinanceData, loadTaakvelden } from './finance';
import { serverDocument } from './indicator-page';
import { loadIndicators, type IndicatorEntry } from './indicators';

/** One streefdoel as a report shows it. */
export interface ReportIndicator {
	id: string;
	title: string;
	indicator: string;
	baseline: string;
	norm: string;
	realisatie: { year: number; text: string; provisional: boolean } | null;
	judgement: Judgement;
	rule: string;
	chart: string | null;
	source: string;
}

/** A report block ready to render. */
export type ResolvedBlock =
	| Extract<ReportBlock, { kind: 'heading' | 'paragraph' | 'list' }>
	| { kind: 'indicators'; goal: string | null; items: ReportIndicator[] }
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
	release: Pick<Manifest, 'release' | 'sample' | 'dataDate'>;
	generated: string;
}

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
	const catalog = options.gemeente.catalogs.find(
		(c) => c.budgetYear === source.budgetYear && c.programme.number === source.programme
	);
	const entries = (await loadIndicators({ engine, manifest, gemeentenDir: options.gemeentenDir })).filter(
		(e) => e.gemeente.code === gemeente.code
	);
	const finance = await loadFinanceData({
		engine,
		manifest,
		gemeente: source.gemeente,
		taakvelden: await loadTaakvelden({ engine, referenceDir: options.referenceDir })
	});
	const document = serverDocument();
	const fail = (line: number, message: string): never => {
		throw new ReportError(`${source.file} regel ${line}: ${message}`);
	};
	const goalOf = (name: string, line: number) => {
		if (!catalog)
			fail(
				line,
				`geen catalogus voor ${source.gemeente}, begroting ${source.budgetYear}, programma ${source.programme} in de map van de gemeente (begroting-${source.budgetYear}.yaml)`
			);
		return (
			catalog!.goals.find((g) => g.name === name) ??
			fail(
				line,
				`onbekend doel "${name}" in de catalogus; bekend: ${catalog!.goals.map((g) => `"${g.name}"`).join(', ')}`
			)
		);
	};
	const indicator = (e: IndicatorEntry): ReportIndicator => {
		const s = e.streefdoel;
		const { judgement, observations, latest } = judgeStreefdoel({
			streefdoel: s,
			observations: e.observations,
			measured: e.spec !== null,
			year
		});
		const peildatum = s.measure?.period.startsWith('peildatum') ?? false;
		return {
			id: s.id,
			title: s.title,
			indicator: s.indicator,
			baseline: baselineText({ baseline: s.baseline, unit: s.unit }),
			norm: s.norm.text ?? normText({ norm: s.norm, unit: s.unit }),
			realisatie: latest
				? {
						year: latest.year,
						text: `${formatValue(latest.value, s.unit)} (${peildatum ? `1-1-${latest.year}` : latest.year})`,
						provisional: isProvisional({ year: latest.year, dataDate: manifest.dataDate, peildatum })
					}
				: null,
			judgement,
			rule: describeNorm({ norm: s.norm, direction: s.direction, unit: s.unit }),
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
								width: 420
							})
						)
					: null,
			source: `${s.source}${s.measure ? `; ${s.measure.period}` : ''}`
		};
	};
	const moneyYear = (params: Record<string, string>, line: number) => {
		const y = Number(params['jaar']);
		const years = [...new Set(finance.ledger.map((r) => r.jaar))];
		if (!years.includes(y))
			fail(line, `geen financiële gegevens voor jaar ${params['jaar']} (wel: ${years.join(', ') || 'geen'})`);
		return y;
	};

	const blocks: ResolvedBlock[] = [];
	// The years a jaarverslag can be made for: those with a realisatie of any indicator or money referenced.
	const dataYears = new Set<number>();
	const ledgerYears = [...new Set(finance.ledger.filter((r) => r.fase === 'realisatie').map((r) => r.jaar))];
	const noMoney = (line: number) => {
		if (year === null || ledgerYears.includes(year)) return false;
		blocks.push({ kind: 'paragraph', text: `Over ${year} zijn geen financiële gegevens aangeleverd.`, line });
		return true;
	};
	for (const b of source.blocks) {
		if (b.kind !== 'directive') {
			blocks.push(b);
			continue;
		}
		const p = b.params;
		switch (b.name) {
			case 'streefdoelen': {
				const goal = goalOf(p['doel']!, b.line);
				const found = goal.streefdoelen.map((s) => entries.find((e) => e.streefdoel.id === s.id)!);
				for (const e of found) for (const o of e.observations) dataYears.add(o.year);
				const items = found.map(indicator);
				blocks.push({ kind: 'indicators', goal: goal.name, items });
				break;
			}
			case 'streefdoel': {
				const e =
					entries.find((x) => x.streefdoel.id === p['id']) ??
					fail(
						b.line,
						`onbekend streefdoel of indicator "${p['id']}"; bekend: ${entries.map((x) => x.streefdoel.id).join(', ')}`
					);
				for (const o of e.observations) dataYears.add(o.year);
				blocks.push({ kind: 'indicators', goal: null, items: [indicator(e)] });
				break;
			}
			case 'activiteiten': {
				const goal = goalOf(p['doel']!, b.line);
				blocks.push({
					kind: 'activities',
					goal: goal.name,
					items: [...new Set(goal.streefdoelen.flatMap((s) => s.activities))]
				});
				break;
			}
			case 'baten-lasten': {
				if (noMoney(b.line)) break;
				for (const y of ledgerYears) dataYears.add(y);
				const y = year ?? moneyYear(p, b.line);
				const phase = (year !== null ? 'realisatie' : (p['fase'] ?? 'primitieve begroting')) as Phase;
				if (!PHASES.includes(phase))
					fail(b.line, `onbekende fase "${p['fase']}"; kies uit ${PHASES.join(', ')}`);
				const all = statement({ ledger: finance.ledger, year: y, phase });
				const lines = p['doel']
					? all.filter((l) => l.level === 'doel' && l.code === p['doel'])
					: p['programma']
						? all.filter((l) => l.programme === p['programma'] && l.level !== 'totaal')
						: all;
				if (lines.length === 0)
					fail(
						b.line,
						`geen bedragen voor ${p['doel'] ? `doel ${p['doel']}` : `programma ${p['programma']}`} in ${y} (${phase})`
					);
				blocks.push({
					kind: 'statement',
					year: y,
					phase,
					lines,
					provisional:
						phase === 'realisatie' &&
						isProvisional({ year: y, dataDate: manifest.dataDate, peildatum: false }),
					caption: `Overzicht baten en lasten${p['doel'] ? ` doel ${p['doel']}` : p['programma'] ? ` programma ${p['programma']}` : ''}, ${phase} ${y}`
				});
				break;
			}
			case 'kredieten': {
				if (noMoney(b.line)) break;
				for (const y of ledgerYears) dataYears.add(y);
				const y = year ?? moneyYear(p, b.line);
				blocks.push({
					kind: 'kredieten',
					year: y,
					doel: p['doel']!,
					rows: finance.kredieten.filter((k) => k.jaar === y && k.doel === p['doel']),
					totals: finance.kredietTotals.filter((k) => k.jaar === y && k.doel === p['doel'])
				});
				break;
			}
			case 'bestedingsvoorstellen': {
				if (noMoney(b.line)) break;
				for (const y of ledgerYears) dataYears.add(y);
				const y = year ?? moneyYear(p, b.line);
				const rows = manifest.tables['bestedingsvoorstellen']
					? await engine.query<{ soort: string; nummer: number; omschrijving: string; bedrag: number }>(
							`SELECT soort, nummer, omschrijving, bedrag FROM bestedingsvoorstellen WHERE gemeente = ${sqlString(source.gemeente)} AND jaar = ${y} AND doel = ${sqlString(p['doel']!)} ORDER BY soort, nummer`
						)
					: [];
				blocks.push({ kind: 'bestedingen', year: y, doel: p['doel']!, rows });
				break;
			}
			case 'leeswijzer':
				blocks.push({ kind: 'leeswijzer' });
				break;
		}
	}
	const years = [...dataYears].sort((a, b) => a - b);
	return {
		name: source.name,
		title: year === null ? source.title : `${source.title}: jaarverslag ${year}`,
		gemeente,
		year,
		years: source.annual ? years : [],
		blocks,
		release: { release: manifest.release, sample: manifest.sample, dataDate: manifest.dataDate },
		generated: options.today
	};
}
