import type { ExportTable } from '../export/table';
import type { Benchmark, BenchmarkSource } from './benchmark';

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

/** Where the benchmark's figures come from, in a sentence (with CBS's attribution when CBS). */
export function describeSource(source: BenchmarkSource): string {
	return source.bron === 'cbs'
		? `Bron: CBS, tabel ${source.tabel} (CC BY 4.0), ${source.eenheid_tekst}; ${source.gemeenten} gemeenten met een cijfer.`
		: `Berekend uit de eigen registraties van de ${source.gemeenten} gemeenten in deze release, ${source.eenheid_tekst}.`;
}

/** The year a benchmark's summary speaks of: the latest in which the gemeente has a value. */
export function latestYear(benchmark: Benchmark): Benchmark['years'][number] | null {
	return benchmark.years.findLast((y) => y.own !== null) ?? benchmark.years.at(-1) ?? null;
}

/** A year as the benchmark shows it: with CBS's status when it is not final. */
export function yearLabel(y: { year: number; status: string | null }): string {
	return y.status && y.status !== 'definitief' ? `${y.year} (${y.status})` : String(y.year);
}

/** A rank in words: "plaats 12 van 342", "gedeeld" when others have the same value. */
export function rankText(rank: Benchmark['years'][number]['rank']): string {
	if (!rank) return 'geen plaats (geen cijfer)';
	return `plaats ${rank.position} van ${rank.of}${rank.tied > 1 ? ` (gedeeld met ${rank.tied - 1} andere)` : ''}`;
}

/** The peers of a year without a value (suppressed, secret, unknown or not in the source), by name. */
export function peersWithoutValue(y: Benchmark['years'][number]): string[] {
	return [...y.peers.withoutValue, ...y.peers.absent];
}

/** The benchmark as a download: one row per year; a missing value is an empty cell, never 0. */
export function benchmarkTable(view: BenchmarkView): ExportTable {
	const b = view.benchmark;
	const decimal = { kind: 'decimal' as const, decimals: 1 };
	return {
		name: `Benchmark BBV ${view.indicator.number}`,
		columns: [
			{ key: 'jaar', label: 'Jaar', kind: 'text' },
			{ key: 'status', label: 'Status', kind: 'text' },
			{ key: 'own', label: `${b.gemeente?.name ?? ''} (${view.source.eenheid_tekst})`, ...decimal },
			{ key: 'nederland', label: b.nederlandLabel, ...decimal },
			{ key: 'peers', label: `${b.peersLabel} (ongewogen gemiddelde)`, ...decimal },
			{ key: 'peersWith', label: 'Gemeenten in het gemiddelde', kind: 'integer' },
			{ key: 'peersWithout', label: 'Zonder cijfer (onderdrukt, geheim of onbekend)', kind: 'text' },
			{ key: 'position', label: 'Plaats (1 = hoogste waarde)', kind: 'integer' },
			{ key: 'of', label: 'Van gemeenten met een cijfer', kind: 'integer' }
		],
		rows: b.years.map((y) => ({
			jaar: String(y.year),
			status: y.status ?? '',
			own: y.own,
			nederland: y.nederland.value,
			peers: y.peers.value,
			peersWith: y.peers.withValue,
			peersWithout: peersWithoutValue(y).join(', '),
			position: y.rank?.position ?? null,
			of: y.rank?.of ?? null
		}))
	};
}
