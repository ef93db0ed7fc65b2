import { toObservations } from '../indicators/observations';
import type { Observation } from '../indicators/types';
import { observationsSql, type ObservationRow } from '../measures/sql';
import type { IndicatorView } from '../server/programme';

/**
 * The "compare with a wijk" state of the programme page: which area, its series per streefdoel
 * (queried live on DuckDB-WASM) and the redrawn charts. Without it the prerendered charts stand.
 */
export class Comparison {
	area = $state('');
	areaName = $state('');
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	message = $state('');
	series = $state<Record<string, Observation[]>>({});
	charts = $state<Record<string, string>>({});

	constructor(
		private readonly options: {
			dataUrl: string;
			gemeente: { code: string; name: string };
			indicators: IndicatorView[];
		}
	) {}

	/** Selects an area ('' for none) and queries its series for every indicator. */
	/**
	 * On intent (before a choice): starts DuckDB-WASM and loads this gemeente's partitions of every
	 * table the comparison queries, by running the gemeente's own series once. Errors are left for
	 * the choice itself to report.
	 */
	prepare(): void {
		void (async () => {
			const [{ wasmEngine }] = await Promise.all([
				import('../db/wasm'),
				import('../charts/trend'),
				import('../charts/figure')
			]);
			const engine = await wasmEngine({ dataUrl: this.options.dataUrl });
			const code = this.options.gemeente.code;
			// All at once: the tables load in parallel (fetch and decode), not one query after the other.
			await Promise.all(
				this.options.indicators.flatMap((view) =>
					view.streefdoel.measure
						? [
								engine.query(
									observationsSql({ measure: view.streefdoel.measure, gemeente: code, area: code }),
									{
										gemeente: code
									}
								)
							]
						: []
				)
			);
		})().catch(() => {});
	}

	async select(area: string, areaName: string): Promise<void> {
		this.area = area;
		this.areaName = areaName;
		if (!area) {
			this.series = {};
			this.charts = {};
			this.status = 'idle';
			this.message = '';
			return;
		}
		this.status = 'loading';
		this.message = `Gegevens voor ${areaName} worden geladen…`;
		try {
			// Loaded on first use: DuckDB-WASM, Arrow, hyparquet and Plot stay out of the first page.
			const [{ wasmEngine }, { trendChart }, { figureMarkup }] = await Promise.all([
				import('../db/wasm'),
				import('../charts/trend'),
				import('../charts/figure')
			]);
			const engine = await wasmEngine({ dataUrl: this.options.dataUrl });
			const gemeente = this.options.gemeente.code;
			const measured = this.options.indicators.filter((view) => view.streefdoel.measure);
			// Every series at once: the tables load in parallel, the queries queue in the engine.
			const rows = await Promise.all(
				measured.map((view) =>
					engine.query<ObservationRow>(
						observationsSql({ measure: view.streefdoel.measure!, gemeente, area }),
						{
							gemeente
						}
					)
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
			if (this.area !== area) return; // a newer selection won
			this.series = series;
			this.charts = charts;
			this.status = 'ready';
			this.message = `Vergeleken met ${areaName}.`;
			// Benchmarks read this mark: every indicator's comparison is in the state.
			performance.mark('koers:comparison-updated');
		} catch (error) {
			this.status = 'error';
			this.series = {};
			this.charts = {};
			this.message = `De vergelijking met ${areaName} kon niet worden geladen (${(error as Error).message}). De cijfers voor de hele gemeente hieronder kloppen nog steeds.`;
		}
	}
}
