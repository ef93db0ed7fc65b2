import { runReadingQuery } from '../explorer/guard';

type Cell = string | number | boolean | null;

/** At most this many rows are shown; downloads hold the whole result. */
export const SHOWN_ROWS = 500;

/** The explorer's query, its result and chart, and any error in Dutch. */
export class Explorer {
	sql = $state('');
	rows = $state<Record<string, Cell>[]>([]);
	columns = $state<string[]>([]);
	chart = $state<string | null>(null);
	status = $state<'idle' | 'running' | 'ready' | 'error'>('idle');
	message = $state('');

	constructor(
		private readonly options: {
			dataUrl: string;
			initial: { sql: string; rows: Record<string, Cell>[]; chart: string | null };
		}
	) {
		this.sql = options.initial.sql;
		this.rows = options.initial.rows;
		this.columns = Object.keys(options.initial.rows[0] ?? {});
		this.chart = options.initial.chart;
	}

	/** Runs the current query on DuckDB-WASM. */
	async run(): Promise<void> {
		this.status = 'running';
		this.message = 'De query loopt…';
		const started = performance.now();
		try {
			const [{ wasmEngine }, { quickChart }, { figureMarkup }] = await Promise.all([
				import('../db/wasm'),
				import('../charts/quick'),
				import('../charts/figure')
			]);
			const engine = await wasmEngine({ dataUrl: this.options.dataUrl });
			const outcome = await runReadingQuery<Record<string, Cell>>(engine, this.sql);
			if (!('rows' in outcome)) {
				this.status = 'error';
				this.message = 'refused' in outcome ? outcome.refused : outcome.failed;
				return;
			}
			const { rows } = outcome;
			const chart = quickChart({ rows, document: document.implementation.createHTMLDocument('') });
			this.rows = rows;
			this.columns = Object.keys(rows[0] ?? {});
			this.chart = chart ? figureMarkup(chart) : null;
			this.status = 'ready';
			// Benchmarks read this mark: result and quick chart are in the state (drawn on the next frame).
			performance.mark('koers:explorer-updated');
			const ms = Math.round(performance.now() - started);
			this.message = `${rows.length.toLocaleString('nl-NL')} ${rows.length === 1 ? 'rij' : 'rijen'} in ${ms.toLocaleString('nl-NL')} ms${rows.length > SHOWN_ROWS ? `; de eerste ${SHOWN_ROWS} staan hieronder, de download bevat alles` : ''}.`;
		} catch (error) {
			this.status = 'error';
			const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
			this.message = `De query is mislukt. Melding van DuckDB: ${cause}`;
		}
	}
}
