import { benchmarkChartMarkup } from '../charts/benchmark';
import type { QueryEngine } from '../db/query';
import {
	BENCHMARK_INDICATORS,
	benchmarkRowsSql,
	benchmarkSourcesSql,
	gemeenteNames,
	type BenchmarkRow,
	type BenchmarkSource,
	type PeerSet
} from '../measures/benchmark';
import { preferredSource, showBenchmark, type BenchmarkView } from '../measures/benchmark-view';

/** The benchmark table's sources, or none when the release has no benchmark table. */
export async function benchmarkSources(options: {
	engine: QueryEngine;
	tables: Record<string, unknown>;
}): Promise<BenchmarkSource[]> {
	if (!options.tables['benchmark']) return [];
	return options.engine.query<BenchmarkSource & Record<string, string | number | null>>(
		benchmarkSourcesSql()
	);
}

/**
 * The prerendered benchmark of one gemeente on one indicator (the default peer set unless given):
 * the same SQL and comparison the browser runs on a peer change. Null when no source has at least two
 * gemeenten with a value (there is nothing to compare with).
 */
export async function buildBenchmarkView(options: {
	engine: QueryEngine;
	sources: BenchmarkSource[];
	indicator: string;
	gemeente: string;
	peers: PeerSet;
	document: Document;
}): Promise<BenchmarkView | null> {
	const definition = BENCHMARK_INDICATORS.find((b) => b.id === options.indicator);
	const sources = options.sources.filter((s) => s.indicator === options.indicator && s.gemeenten >= 2);
	const source = preferredSource(sources);
	if (!definition || !source) return null;
	const rows = await options.engine.query<BenchmarkRow & Record<string, string | number | null>>(
		benchmarkRowsSql({ indicator: options.indicator, bron: source.bron })
	);
	const shown = showBenchmark({ rows, gemeente: options.gemeente, peers: options.peers, source });
	if (!shown.benchmark.gemeente) return null;
	return {
		indicator: { id: definition.id, number: definition.number, title: definition.title },
		sources,
		...shown,
		chart: benchmarkChartMarkup({
			benchmark: shown.benchmark,
			unit: shown.source.eenheid,
			document: options.document
		}),
		gemeenten: gemeenteNames(rows)
	};
}
