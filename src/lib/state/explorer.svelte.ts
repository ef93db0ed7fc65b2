import { duckdbErrorText } from '../explorer/error-text';
import { runReadingQuery } from '../explorer/guard';
import { Loadable } from './loadable.svelte';

type Cell = string | number | boolean | null;

/** At most this many rows are shown; downloads hold the whole result. */
export const SHOWN_ROWS = 500;

/** A query's result as it is on screen: the query that gave it, its rows, columns and chart. */
export interface ExplorerResult {
	sql: string;
	rows: Record<string, Cell>[];
	columns: string[];
	chart: string | null;
}

/**
 * The explorer's query text, the result shown and any error in Dutch. The table, chart, caption and
 * downloads read only `result.shown`: while a query runs they keep the previous result, marked
 * busy, and after an error there is no result (a table under an error would look like its answer).
 */
export class Explorer {
	sql = $state('');
	message = $state('');
	readonly result: Loadable<ExplorerResult | null>;

	constructor(
		private readonly options: {
			dataUrl: string;
			initial: { sql: string; rows: Record<string, Cell>[]; chart: string | null };
		}
	) {
		const { sql, rows, chart } = options.initial;
		this.sql = sql;
		this.result = new Loadable<ExplorerResult | null>({
			sql,
			rows,
			columns: Object.keys(rows[0] ?? {}),
			chart
		});
	}

	/** Runs the current query on DuckDB-WASM. */
	async run(): Promise<void> {
		const sql = this.sql;
		this.message = 'De query loopt…';
		const started = performance.now();
		const outcome = await this.result.load(() => this.query(sql), {
			onError: (error) => ({ shown: null, message: messageOf(error) })
		});
		if (outcome === 'overtaken') return;
		if (outcome === 'failed') {
			this.message = this.result.error;
			return;
		}
		// Benchmarks read this mark: result and quick chart are in the state (drawn on the next frame).
		performance.mark('koers:explorer-updated');
		const n = this.result.shown?.rows.length ?? 0;
		const ms = Math.round(performance.now() - started);
		this.message = `${n.toLocaleString('nl-NL')} ${n === 1 ? 'rij' : 'rijen'} in ${ms.toLocaleString('nl-NL')} ms${n > SHOWN_ROWS ? `; de eerste ${SHOWN_ROWS} staan hieronder, de download bevat alles` : ''}.`;
	}

	private async query(sql: string): Promise<ExplorerResult> {
		const [{ wasmEngine }, { quickChart }, { figureMarkup }] = await Promise.all([
			import('../db/wasm'),
			import('../charts/quick'),
			import('../charts/figure')
		]);
		const engine = await wasmEngine({ dataUrl: this.options.dataUrl });
		const outcome = await runReadingQuery<Record<string, Cell>>(engine, sql);
		if (!('rows' in outcome)) throw new Refused('refused' in outcome ? outcome.refused : outcome.failed);
		const { rows } = outcome;
		const chart = quickChart({ rows, document: document.implementation.createHTMLDocument('') });
		return { sql, rows, columns: Object.keys(rows[0] ?? {}), chart: chart ? figureMarkup(chart) : null };
	}
}

/** A query the guard refused or DuckDB could not run; its message is already the reader's. */
class Refused extends Error {}

function messageOf(error: unknown): string {
	if (error instanceof Refused) return error.message;
	const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
	return duckdbErrorText({ message: cause });
}
