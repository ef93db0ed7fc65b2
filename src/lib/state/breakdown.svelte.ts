import type { AreaGeometry } from '../charts/breakdown';
import type { Unit } from '../format';
import type { Observation } from '../indicators/types';
import type { AreaQueryRow } from '../measures/area-rate';
import type { BreakdownView } from '../measures/area-view';
import { specBreakdownSql, type MeasureSpec } from '../measures/spec';
import { Loadable } from './loadable.svelte';
import type { AreaLevel } from '../gemeente/types';

/** What the breakdown needs to know of its indicator. */
export interface BreakdownIndicator {
	spec: MeasureSpec;
	gemeente: { code: string; name: string };
	streefdoel: { unit: Unit };
	observations: Observation[];
}

/** A level and a year of the breakdown. */
export interface BreakdownChoice {
	level: AreaLevel;
	year: number;
}

/**
 * The breakdown per wijk or buurt of the indicator page. `chosen` is what the selects say; `view` is
 * what the page shows, replaced whole only when the chosen level and year are queried (live on
 * DuckDB-WASM) and drawn, so caption, table, map, reference line and downloads change together.
 * While a choice loads, `busy` is true and the previous view stays (a `Loadable`); when a query fails,
 * the user gets a Dutch message and the previous view stays.
 */
export class BreakdownState {
	chosen: BreakdownChoice;
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	message = $state('');
	// A cache of fetches, not state the page renders: a plain Map on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly geometry = new Map<string, Promise<AreaGeometry | null>>();
	// Drawn breakdowns by level and year: a year seen (or prepared) before is shown without a query or
	// a redraw. Filled in idle time after the first live choice, for every year of the select.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly drawn = new Map<string, Promise<BreakdownView>>();
	private prefetching: string | null = null;
	private readonly shown: Loadable<BreakdownView>;

	constructor(
		private readonly options: {
			indicator: BreakdownIndicator;
			initial: BreakdownView;
			wijkGeometry: AreaGeometry | null;
			/** whether buurt outlines are shipped for this gemeente (otherwise no map at buurt level) */
			buurtGeometry: boolean;
			dataUrl: string;
			geoUrl: string;
			/** the years of the select: drawn ahead in idle time */
			years?: number[];
		}
	) {
		this.shown = new Loadable(options.initial);
		this.chosen = $state({ level: options.initial.level, year: options.initial.year });
		this.geometry.set('wijk', Promise.resolve(options.wijkGeometry));
	}

	/** What the page shows: replaced whole when a choice is drawn. */
	get view(): BreakdownView {
		return this.shown.shown;
	}

	/** Whether a choice is loading: the page marks the shown view busy. */
	get busy(): boolean {
		return this.shown.busy;
	}

	/** Queries and redraws for a level and year; a newer call wins over an older one still running. */
	async show(level: AreaLevel, year: number): Promise<void> {
		this.chosen = { level, year };
		this.status = 'loading';
		this.message = `Cijfers per ${level} in ${year} worden geladen…`;
		const outcome = await this.shown.load(() => this.draw(level, year));
		if (outcome === 'overtaken') return;
		const view = this.view;
		if (outcome === 'failed') {
			this.status = 'error';
			this.chosen = { level: view.level, year: view.year };
			this.message = `De cijfers per ${level} in ${year} konden niet worden geladen (${this.shown.error}). De tabel en grafieken hieronder tonen nog de vorige keuze (per ${view.level}, ${view.year}).`;
			return;
		}
		this.status = 'ready';
		this.message = `Per ${level}, ${year}: ${view.areas.filter((r) => r.value !== null).length} van ${view.areas.length} gebieden met een waarde.`;
		// Benchmarks and tests read this mark: the chart for the latest choice is in the page.
		performance.mark('koers:breakdown-updated');
		this.prefetch(level);
	}

	/** Queries and draws one level and year, once: later calls share the result (failures are retried). */
	private draw(level: AreaLevel, year: number): Promise<BreakdownView> {
		const key = `${level}/${year}`;
		let drawn = this.drawn.get(key);
		if (!drawn) {
			drawn = (async () => {
				// Loaded on first use: DuckDB-WASM and Plot stay out of the first page.
				const [{ wasmEngine }, { breakdownView }] = await Promise.all([
					import('../db/wasm'),
					import('../charts/breakdown-figures')
				]);
				const { indicator } = this.options;
				const engine = await wasmEngine({ dataUrl: this.options.dataUrl });
				const [rows, geometry] = await Promise.all([
					engine.query<AreaQueryRow & Record<string, string | number | null>>(
						specBreakdownSql({
							spec: indicator.spec,
							unit: indicator.streefdoel.unit,
							gemeente: indicator.gemeente.code,
							level,
							year
						}),
						{ gemeente: indicator.gemeente.code }
					),
					this.geometryFor(level)
				]);
				return breakdownView({
					indicator,
					rows,
					level,
					year,
					geometry,
					document: document.implementation.createHTMLDocument('')
				});
			})();
			drawn.catch(() => this.drawn.delete(key));
			this.drawn.set(key, drawn);
		}
		return drawn;
	}

	/** In idle time, one at a time, draws every other year of this level, so a year change is a swap. */
	private prefetch(level: AreaLevel): void {
		const years = this.options.years ?? [];
		if (this.prefetching === level || years.length === 0) return;
		this.prefetching = level;
		const idle = (): Promise<void> =>
			new Promise((done) =>
				'requestIdleCallback' in window
					? window.requestIdleCallback(() => done(), { timeout: 2000 })
					: setTimeout(done, 50)
			);
		void (async () => {
			for (const year of years) {
				if (this.prefetching !== level) return;
				if (this.drawn.has(`${level}/${year}`)) continue;
				await idle();
				await this.draw(level, year).catch(() => undefined);
			}
			// Benchmarks read this mark: every year of this level is drawn.
			performance.mark('koers:breakdown-prefetched');
		})();
	}

	private geometryFor(level: AreaLevel): Promise<AreaGeometry | null> {
		let g = this.geometry.get(level);
		if (!g && level === 'buurt' && !this.options.buurtGeometry) g = Promise.resolve(null);
		if (!g) {
			g = fetch(`${this.options.geoUrl}/${this.options.indicator.gemeente.code}/${level}.json`).then((r) =>
				r.ok ? (r.json() as Promise<AreaGeometry>) : null
			);
			this.geometry.set(level, g);
		}
		return g;
	}
}
