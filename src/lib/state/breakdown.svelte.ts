import type { AreaGeometry, AreaValue } from '../charts/breakdown';
import type { Unit } from '../format';
import type { Observation } from '../indicators/types';
import { areaSql, type MeasureSpec } from '../measures/spec';

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
			if (request !== this.request) return;
			const drawn = drawBreakdown({
				entry: indicator,
				rows,
				level,
				year,
				geometry,
				document: document.implementation.createHTMLDocument('')
			});
			this.rows = rows;
			this.bars = drawn.bars;
			this.map = drawn.map;
			this.status = 'ready';
			this.message = `Per ${level}, ${year}: ${rows.filter((r) => r.value !== null).length} van ${rows.length} gebieden met een waarde.`;
			// Benchmarks and tests read this mark: the chart for the latest choice is in the page.
			performance.mark('koers:breakdown-updated');
		} catch (error) {
			if (request !== this.request) return;
			this.status = 'error';
			this.message = `De cijfers per ${level} in ${year} konden niet worden geladen (${(error as Error).message}). De tabel en grafieken hieronder tonen nog de vorige keuze.`;
		}
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
