import type { AreaGeometry, AreaValue } from '../charts/breakdown';
import type { Unit } from '../format';
import type { Observation } from '../indicators/types';
import { areaSql, type MeasureSpec } from '../measures/spec';

/** A drawn breakdown: the rows and the chart markup. */
interface Drawn {
	rows: AreaValue[];
	bars: string;
	map: string | null;
}

/** What the breakdown needs to know of its indicator. */
export interface BreakdownIndicator {
	spec: MeasureSpec;
	gemeente: { code: string; name: string };
	streefdoel: { unit: Unit };
	observations: Observation[];
}

/**
 * The breakdown per wijk or buurt of the indicator page: the level and year chosen, the rows queried
 * live on DuckDB-WASM, and the redrawn bars and map. Until the first query the prerendered ones stand;
 * when a query fails, the user gets a Dutch message and the previous table and charts stay.
 */
export class BreakdownState {
	level = $state<'wijk' | 'buurt'>('wijk');
	year = $state(0);
	rows = $state<AreaValue[]>([]);
	bars = $state('');
	map = $state<string | null>(null);
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	message = $state('');
	// A cache of fetches, not state the page renders: a plain Map on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly geometry = new Map<string, Promise<AreaGeometry | null>>();
	// Drawn breakdowns by level and year: a year seen (or prepared) before is shown without a query or
	// a redraw. Filled in idle time after the first live choice, for every year of the select.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private readonly drawn = new Map<string, Promise<Drawn>>();
	private prefetching: string | null = null;
	private request = 0;

	constructor(
		private readonly options: {
			indicator: BreakdownIndicator;
			initial: { level: 'wijk' | 'buurt'; year: number; rows: AreaValue[]; bars: string; map: string | null };
			wijkGeometry: AreaGeometry | null;
			/** whether buurt outlines are shipped for this gemeente (otherwise no map at buurt level) */
			buurtGeometry: boolean;
			dataUrl: string;
			geoUrl: string;
			/** the years of the select: drawn ahead in idle time */
			years?: number[];
		}
	) {
		const i = options.initial;
		this.level = i.level;
		this.year = i.year;
		this.rows = i.rows;
		this.bars = i.bars;
		this.map = i.map;
		this.geometry.set('wijk', Promise.resolve(options.wijkGeometry));
	}

	/** Queries and redraws for a level and year; a newer call wins over an older one still running. */
	async show(level: 'wijk' | 'buurt', year: number): Promise<void> {
		const request = ++this.request;
		this.level = level;
		this.year = year;
		this.status = 'loading';
		this.message = `Cijfers per ${level} in ${year} worden geladen…`;
		try {
			const { rows, bars, map } = await this.draw(level, year);
			if (request !== this.request) return;
			this.rows = rows;
			this.bars = bars;
			this.map = map;
			this.status = 'ready';
			this.message = `Per ${level}, ${year}: ${rows.filter((r) => r.value !== null).length} van ${rows.length} gebieden met een waarde.`;
			// Benchmarks and tests read this mark: the chart for the latest choice is in the page.
			performance.mark('koers:breakdown-updated');
			this.prefetch(level);
		} catch (error) {
			if (request !== this.request) return;
			this.status = 'error';
			this.message = `De cijfers per ${level} in ${year} konden niet worden geladen (${(error as Error).message}). De tabel en grafieken hieronder tonen nog de vorige keuze.`;
		}
	}

	/** Queries and draws one level and year, once: later calls share the result (failures are retried). */
	private draw(level: 'wijk' | 'buurt', year: number): Promise<Drawn> {
		const key = `${level}/${year}`;
		let drawn = this.drawn.get(key);
		if (!drawn) {
			drawn = (async () => {
				// Loaded on first use: DuckDB-WASM and Plot stay out of the first page.
				const [{ wasmEngine }, { drawBreakdown }] = await Promise.all([
					import('../db/wasm'),
					import('../charts/breakdown-figures')
				]);
				const { indicator } = this.options;
				const engine = await wasmEngine({ dataUrl: this.options.dataUrl });
				const [rows, geometry] = await Promise.all([
					engine.query<AreaValue & Record<string, string | number | null>>(
						areaSql({ spec: indicator.spec, gemeente: indicator.gemeente.code, level, year }),
						{ gemeente: indicator.gemeente.code }
					),
					this.geometryFor(level)
				]);
				const figures = drawBreakdown({
					entry: indicator,
					rows,
					level,
					year,
					geometry,
					document: document.implementation.createHTMLDocument('')
				});
				return { rows, bars: figures.bars, map: figures.map };
			})();
			drawn.catch(() => this.drawn.delete(key));
			this.drawn.set(key, drawn);
		}
		return drawn;
	}

	/** In idle time, one at a time, draws every other year of this level, so a year change is a swap. */
	private prefetch(level: 'wijk' | 'buurt'): void {
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

	private geometryFor(level: 'wijk' | 'buurt'): Promise<AreaGeometry | null> {
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
