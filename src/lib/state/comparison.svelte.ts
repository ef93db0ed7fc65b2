import { toObservations } from '../indicators/observations';
import type { Observation } from '../indicators/types';
import { observationsSql, type ObservationRow } from '../measures/sql';
import { TABLES } from '../measures/tables';
import type { IndicatorView } from '../server/programme';
import { Loadable } from './loadable.svelte';

/** A comparison that is on screen: the area, its series per streefdoel and the redrawn charts. */
export interface ShownComparison {
	area: string;
	areaName: string;
	series: Record<string, Observation[]>;
	charts: Record<string, string>;
}

/**
 * The "compare with a wijk" state of the programme page: the chosen area, and the comparison shown
 * (queried live on DuckDB-WASM). Charts, tables and captions read only `result.shown`, so while a
 * new area loads they keep the previous comparison, marked busy, and change together when it is
 * there. Without a comparison the prerendered charts stand.
 */
export class Comparison {
	/** the area chosen in the select (shown once its data is there) */
	area = $state('');
	message = $state('');
	readonly result = new Loadable<ShownComparison | null>(null);

	constructor(
		private readonly options: {
			dataUrl: string;
			gemeente: { code: string; name: string };
			indicators: IndicatorView[];
		}
	) {}

	/**
	 * On intent (before a choice): starts DuckDB-WASM and, while it compiles, fetches and decodes this
	 * gemeente's partitions of every table the comparison reads, then inserts them and runs one of the
	 * comparison's queries so the engine's query code has run once. The choice then only queries.
	 * Errors are left for the choice itself to report.
	 */
	prepare(): void {
		void (async () => {
			const [{ wasmEngine }] = await Promise.all([
				import('../db/wasm'),
				import('../charts/trend'),
				import('../charts/figure')
			]);
			const code = this.options.gemeente.code;
			const measure = this.options.indicators.find((view) => view.streefdoel.measure)?.streefdoel.measure;
			if (!measure) return;
			await this.preload();
			const engine = await wasmEngine({ dataUrl: this.options.dataUrl });
			await engine.query(observationsSql({ measure, gemeente: code, area: code }), { gemeente: code });
		})().catch(() => {});
	}

	/**
	 * Starts the engine and loads this gemeente's partitions of every table the comparison reads,
	 * fetched and decoded while the engine compiles (once; later calls wait for the same work).
	 */
	private async preload(): Promise<void> {
		const { preload } = await import('../db/wasm');
		const tables = this.options.indicators.flatMap((view) =>
			view.streefdoel.measure ? [TABLES[view.streefdoel.measure.table].name] : []
		);
		await preload({
			dataUrl: this.options.dataUrl,
			tables: tables.filter((name, i) => tables.indexOf(name) === i),
			scope: { gemeente: this.options.gemeente.code }
		});
	}

	/** Selects an area ('' for none) and queries its series for every indicator. */
	async select(area: string, areaName: string): Promise<void> {
		this.area = area;
		if (!area) {
			this.result.set(null);
			this.message = '';
			return;
		}
		this.message = `Gegevens voor ${areaName} worden geladen…`;
		const outcome = await this.result.load(() => this.query(area, areaName), {
			// No comparison stands under the error: the select names an area the charts would not show.
			onError: (error) => ({
				shown: null,
				message: `De vergelijking met ${areaName} kon niet worden geladen (${(error as Error).message}). De cijfers voor de hele gemeente hieronder kloppen nog steeds.`
			})
		});
		if (outcome === 'overtaken') return;
		this.message = outcome === 'shown' ? `Vergeleken met ${areaName}.` : this.result.error;
		// Benchmarks read this mark: every indicator's comparison is in the state.
		if (outcome === 'shown') performance.mark('koers:comparison-updated');
	}

	private async query(area: string, areaName: string): Promise<ShownComparison> {
		// Loaded on first use: DuckDB-WASM, Arrow, hyparquet and Plot stay out of the first page.
		const [{ wasmEngine }, { trendChart }, { figureMarkup }] = await Promise.all([
			import('../db/wasm'),
			import('../charts/trend'),
			import('../charts/figure')
		]);
		// Without intent first, the tables still come while the engine compiles; a failure is the queries' to report.
		this.preload().catch(() => {});
		const engine = await wasmEngine({ dataUrl: this.options.dataUrl });
		const gemeente = this.options.gemeente.code;
		const measured = this.options.indicators.filter((view) => view.streefdoel.measure);
		// Every series at once: the tables load in parallel, the queries queue in the engine.
		const rows = await Promise.all(
			measured.map((view) =>
				engine.query<ObservationRow>(observationsSql({ measure: view.streefdoel.measure!, gemeente, area }), {
					gemeente
				})
			)
		);
		const series: Record<string, Observation[]> = {};
		const charts: Record<string, string> = {};
		const doc = document.implementation.createHTMLDocument('');
		measured.forEach((view, i) => {
			const s = view.streefdoel;
			series[s.id] = toObservations(rows[i]!);
			charts[s.id] = figureMarkup(
				trendChart({
					observations: view.observations,
					baseline: s.baseline,
					norm: s.norm,
					unit: s.unit,
					label: this.options.gemeente.name,
					comparison: { label: areaName, observations: series[s.id]! },
					document: doc
				})
			);
		});
		return { area, areaName, series, charts };
	}
}
