import type { ExportTable } from '../export/table';
import {
	BENCHMARK_INDICATORS,
	computeBenchmark,
	unitFactor,
	type Benchmark,
	type BenchmarkRow,
	type BenchmarkSource,
	type PeerSet
} from './benchmark';
import { convertValue, convertedUnitText, unitConversion } from './units';

/** A benchmark as a page shows it: the indicator, its sources, the one shown, and the drawn chart. */
export interface BenchmarkView {
	indicator: { id: string; number: number; title: string };
	/** every source with at least two gemeenten with a value */
	sources: BenchmarkSource[];
	source: BenchmarkSource;
	benchmark: Benchmark;
	chart: string;
	/** every gemeente of the source, for picking peers by name */
	gemeenten: { code: string; name: string }[];
}

/** The source a benchmark starts with: the one covering most gemeenten, CBS before own on a tie. */
export function preferredSource(sources: readonly BenchmarkSource[]): BenchmarkSource | null {
	return (
		[...sources].sort(
			(a, b) => b.gemeenten - a.gemeenten || (a.bron === 'cbs' ? -1 : b.bron === 'cbs' ? 1 : 0)
		)[0] ?? null
	);
}

/**
 * Whether a benchmark source's figures are the sample's: the sample generator derives a CBS-shaped
 * series from the synthetic registrations, which must never carry CBS's name as its source.
 */
export interface SourceLabelOptions {
	/** true when the release is the synthetic sample (the manifest's `sample`) */
	sample?: boolean;
}

/** A source's short name, for a choice between sources: CBS only when the figures are CBS's. */
export function sourceName(source: BenchmarkSource, options: SourceLabelOptions = {}): string {
	if (source.bron !== 'cbs') return `eigen registraties (${source.gemeenten} gemeenten)`;
	return options.sample
		? `voorbeelddata in de vorm van CBS-tabel ${source.tabel} (${source.gemeenten} gemeenten)`
		: `CBS ${source.tabel} (${source.gemeenten} gemeenten)`;
}

/**
 * Where the benchmark's figures come from, in a sentence: "Bron: CBS" only for CBS's own figures,
 * "Voorbeelddata" for the sample's synthetic CBS-shaped series; the gemeente count says what it counts.
 */
export function describeSource(source: BenchmarkSource, options: SourceLabelOptions = {}): string {
	const counted = `${source.gemeenten} gemeenten hebben in minstens één jaar een cijfer`;
	if (source.bron !== 'cbs')
		return `Berekend uit de eigen registraties van de ${source.gemeenten} gemeenten in deze release${options.sample ? ' (voorbeelddata)' : ''}, ${source.eenheid_tekst}.`;
	return options.sample
		? `Voorbeelddata in de vorm van CBS-tabel ${source.tabel}, geen echte CBS-cijfers: synthetisch, afgeleid uit de voorbeeldregistraties; ${source.eenheid_tekst}; ${counted} in de voorbeelddata.`
		: `Bron: CBS, tabel ${source.tabel} (CC BY 4.0), ${source.eenheid_tekst}; ${counted}.`;
}

/** The year a benchmark's summary speaks of: the latest in which the gemeente has a value. */
export function latestYear(benchmark: Benchmark): Benchmark['years'][number] | null {
	return benchmark.years.findLast((y) => y.own !== null) ?? benchmark.years.at(-1) ?? null;
}

/** A year as the benchmark shows it: with CBS's status when it is not final. */
export function yearLabel(y: { year: number; status: string | null }): string {
	return y.status && y.status !== 'definitief' ? `${y.year} (${y.status})` : String(y.year);
}

/** Below this many gemeenten with a value a place says nothing (place 1 of 2 is not a ranking). */
const MIN_RANKED = 5;

/** A rank worth showing: null without a value or with fewer than MIN_RANKED gemeenten with one. */
function shownRank(rank: Benchmark['years'][number]['rank']): Benchmark['years'][number]['rank'] {
	return rank && rank.of >= MIN_RANKED ? rank : null;
}

/** A rank in words: "plaats 12 van 342 gemeenten met een cijfer dat jaar", "gedeeld" when others have the same value. */
export function rankText(rank: Benchmark['years'][number]['rank']): string {
	if (!rank) return 'geen plaats (geen cijfer)';
	if (!shownRank(rank))
		return `geen plaats: te weinig gemeenten om te rangschikken (${rank.of} met een cijfer, minstens ${MIN_RANKED} nodig)`;
	return `plaats ${rank.position} van ${rank.of} gemeenten met een cijfer dat jaar${rank.tied > 1 ? ` (gedeeld met ${rank.tied - 1} andere)` : ''}`;
}

/**
 * Counts depend on a gemeente's size: a count beside a group average or ranked says nothing, so a
 * count-only series gets this text instead of a rank and a group average.
 */
export function countNotRanked(unit: string): string | null {
	return unit === 'aantal' ? 'aantal, geen verhouding: niet te rangschikken' : null;
}

/** The peers of a year without a value (suppressed, secret, unknown or not in the source), by name. */
export function peersWithoutValue(y: Benchmark['years'][number]): string[] {
	return [...y.peers.withoutValue, ...y.peers.absent];
}

/** The benchmark as a download: one row per year; a missing value is an empty cell, never 0. */
export function benchmarkTable(view: BenchmarkView, options: SourceLabelOptions = {}): ExportTable {
	const b = view.benchmark;
	const sample =
		options.sample && view.source.bron === 'cbs' ? ', voorbeelddata, geen echte CBS-cijfers' : '';
	const decimal = { kind: 'decimal' as const, decimals: 1 };
	return {
		name: `Benchmark BBV ${view.indicator.number}${options.sample ? ' (voorbeelddata)' : ''}`,
		columns: [
			{ key: 'jaar', label: 'Jaar', kind: 'text' },
			{ key: 'status', label: 'Status', kind: 'text' },
			{ key: 'own', label: `${b.gemeente?.name ?? ''} (${view.source.eenheid_tekst}${sample})`, ...decimal },
			{ key: 'nederland', label: `${b.nederlandLabel}${sample ? ` (${sample.slice(2)})` : ''}`, ...decimal },
			{ key: 'peers', label: `${b.peersLabel} (ongewogen gemiddelde)`, ...decimal },
			{ key: 'peersWith', label: 'Gemeenten in het gemiddelde', kind: 'integer' },
			{ key: 'peersWithout', label: 'Zonder cijfer (onderdrukt, geheim of onbekend)', kind: 'text' },
			{ key: 'position', label: 'Plaats (1 = hoogste waarde)', kind: 'integer' },
			{ key: 'of', label: 'Van gemeenten met een cijfer dat jaar', kind: 'integer' }
		],
		rows: b.years.map((y) => ({
			jaar: String(y.year),
			status: y.status ?? '',
			own: y.own,
			nederland: y.nederland.value,
			peers: y.peers.value,
			peersWith: y.peers.withValue,
			peersWithout: peersWithoutValue(y).join(', '),
			position: shownRank(y.rank)?.position ?? null,
			of: shownRank(y.rank)?.of ?? null
		}))
	};
}

/**
 * A benchmark in the unit of the indicator's own series, so one page has one unit: a source in
 * another unit of the same ratio over the same population is converted (CBS's per 1.000 inwoners
 * becomes per 10.000 inwoners, × 10) and says so in its unit text; a source that cannot be converted
 * keeps its own unit, which every label of the benchmark then names.
 */
function inIndicatorUnit(options: { source: BenchmarkSource; benchmark: Benchmark; indicator: string }): {
	source: BenchmarkSource;
	benchmark: Benchmark;
} {
	const { source, benchmark } = options;
	const own = BENCHMARK_INDICATORS.find((b) => b.id === options.indicator)?.own;
	const factor = own ? unitConversion({ from: source.eenheid_tekst, to: own.unitText }) : null;
	if (!own || factor === null || factor === 1) return { source, benchmark };
	const publisher = source.bron === 'cbs' ? 'CBS' : 'De bron';
	return {
		source: {
			...source,
			eenheid: own.unit,
			eenheid_tekst: convertedUnitText({ from: source.eenheid_tekst, to: own.unitText, publisher })
		},
		benchmark: {
			...benchmark,
			years: benchmark.years.map((y) => ({
				...y,
				own: convertValue(y.own, factor),
				nederland: { ...y.nederland, value: convertValue(y.nederland.value, factor) },
				peers: { ...y.peers, value: convertValue(y.peers.value, factor) }
			}))
		}
	};
}

/** The benchmark a page shows: compared, then in the indicator's unit (prerendered and live alike). */
export function showBenchmark(options: {
	rows: readonly BenchmarkRow[];
	gemeente: string;
	peers: PeerSet;
	source: BenchmarkSource;
}): { source: BenchmarkSource; benchmark: Benchmark } {
	const { rows, gemeente, peers, source } = options;
	const benchmark = computeBenchmark({ rows, gemeente, peers, per: unitFactor(source.eenheid) });
	return inIndicatorUnit({ source, benchmark, indicator: source.indicator });
}
