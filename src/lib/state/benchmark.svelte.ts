import {
	benchmarkRowsSql,
	inSentence,
	gemeenteNames,
	type BenchmarkRow,
	type BenchmarkSourceKind,
	type PeerSet
} from '../measures/benchmark';
import { showBenchmark, type BenchmarkView } from '../measures/benchmark-view';

/**
 * The benchmarks of a page (one indicator on the indicator page, every BBV indicator on /vergelijk):
 * the peer set, the gemeente and the source chosen, and the comparison recomputed from the benchmark
 * table queried live on DuckDB-WASM (one small file per indicator, loaded once). Until the first
 * choice the prerendered views stand; a failure says so in Dutch and keeps the previous views.
 */
export class BenchmarkState {
	peers = $state<PeerSet>({ kind: 'klasse' });
	gemeente = $state('');
	// Replaced whole on every change, never mutated: raw state, no deep proxy over every row and name.
	views = $state.raw<BenchmarkView[]>([]);
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	message = $state('');
	// A cache of query results, not state the page renders: a plain Map on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly rows = new Map<string, Promise<BenchmarkRow[]>>();
	// The names of a file's gemeenten, once per file: the picker's list keeps its identity between changes.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly names = new Map<BenchmarkRow[], { code: string; name: string }[]>();
	private request = 0;

	constructor(
		private readonly options: {
			dataUrl: string;
			gemeente: string;
			initial: BenchmarkView[];
			/** whether the views carry a chart (the indicator page) or only figures (/vergelijk) */
			charts: boolean;
		}
	) {
		this.gemeente = options.gemeente;
		this.views = options.initial;
		this.peers = options.initial[0]?.benchmark.peers ?? { kind: 'klasse' };
	}

	/** Whether a change is loading: the page keeps the shown views, marked busy, until they are replaced whole. */
	get busy(): boolean {
		return this.status === 'loading';
	}

	/** On intent: starts DuckDB-WASM and loads the benchmark files of every view. */
	prepare(): void {
		for (const v of this.views) void this.rowsFor(v.indicator.id, v.source.bron).catch(() => {});
	}

	/** Applies a change of peer set, gemeente or source (per indicator) and recomputes every view. */
	async update(change: { peers?: PeerSet; gemeente?: string; source?: Record<string, BenchmarkSourceKind> }) {
		const request = ++this.request;
		if (change.peers) this.peers = change.peers;
		if (change.gemeente) this.gemeente = change.gemeente;
		this.status = 'loading';
		this.message = 'De vergelijking wordt bijgewerkt…';
		try {
			const charts = this.options.charts ? await import('../charts/benchmark') : null;
			const views = await Promise.all(
				this.views.map(async (v) => {
					const bron = change.source?.[v.indicator.id] ?? v.source.bron;
					const source = v.sources.find((s) => s.bron === bron) ?? v.source;
					const rows = await this.rowsFor(v.indicator.id, source.bron);
					const shown = showBenchmark({ rows, gemeente: this.gemeente, peers: this.peers, source });
					return {
						...v,
						...shown,
						chart: charts
							? charts.benchmarkChartMarkup({
									benchmark: shown.benchmark,
									unit: shown.source.eenheid,
									document: document.implementation.createHTMLDocument('')
								})
							: '',
						gemeenten: this.namesOf(rows)
					};
				})
			);
			if (request !== this.request) return;
			this.views = views;
			this.status = 'ready';
			const first = views[0]?.benchmark;
			this.message = first
				? `Vergeleken met: ${inSentence(first.peersLabel)} (${first.members.length}).`
				: '';
			// Benchmarks and tests read this mark: the views for the latest choice are in the page.
			performance.mark('koers:benchmark-updated');
		} catch (error) {
			if (request !== this.request) return;
			this.status = 'error';
			this.message = `De vergelijking kon niet worden bijgewerkt (${(error as Error).message}). Hieronder staat nog de vorige keuze.`;
		}
	}

	private namesOf(rows: BenchmarkRow[]): { code: string; name: string }[] {
		let names = this.names.get(rows);
		if (!names) this.names.set(rows, (names = gemeenteNames(rows)));
		return names;
	}

	/** The rows of one indicator from one source, queried once (a failure is retried next time). */
	private rowsFor(indicator: string, bron: BenchmarkSourceKind): Promise<BenchmarkRow[]> {
		const key = `${indicator}/${bron}`;
		let rows = this.rows.get(key);
		if (!rows) {
			rows = import('../db/wasm').then(async ({ wasmEngine }) => {
				const engine = await wasmEngine({ dataUrl: this.options.dataUrl });
				return engine.query<BenchmarkRow & Record<string, string | number | null>>(
					benchmarkRowsSql({ indicator, bron }),
					{ indicator }
				);
			});
			rows.catch(() => this.rows.delete(key));
			this.rows.set(key, rows);
		}
		return rows;
	}
}
