import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { appendColumns, type AppendColumn, type NodeEngine } from '../../../src/lib/db/node.server';
import { sqlIdent } from '../../../src/lib/db/query';
import type { CbsManifest, Manifest } from '../../../src/lib/db/manifest';
import { readCbsTable, type CbsCell } from './odata';
import { isParquetTable, readParquetCbsTable } from './parquet';
import { readRegionLists, REGION_LISTS_FOLDER } from './regions';

/** The folder of CBS tables in a delivery: `<raw>/cbs/<tabel-id>/`, one folder per table. */
const CBS_FOLDER = 'cbs';

/** The published columns of `cbs_cijfers`, in order, with their DuckDB types. */
const COLUMNS: [keyof CbsCell | 'title' | 'unit', string, AppendColumn['type']][] = [
	['table', 'tabel', 'VARCHAR'],
	['measure', 'maat', 'VARCHAR'],
	['category', 'categorie', 'VARCHAR'],
	['title', 'maat_titel', 'VARCHAR'],
	['unit', 'eenheid', 'VARCHAR'],
	['region', 'gebied_code', 'VARCHAR'],
	['level', 'gebied_niveau', 'VARCHAR'],
	['regionName', 'gebied_naam', 'VARCHAR'],
	['period', 'periode', 'VARCHAR'],
	['year', 'jaar', 'INTEGER'],
	['periodKind', 'periode_soort', 'VARCHAR'],
	['periodNumber', 'periode_nummer', 'INTEGER'],
	['status', 'status', 'VARCHAR'],
	['value', 'waarde', 'DOUBLE']
];

/**
 * Reads every CBS table delivered under `<raw>/cbs/` into one table `cbs_cijfers` (one row per
 * measure, region and period; a secret cell is NULL), and says what was read for the manifest: each
 * table with its measures and units, and its files for the run report (rows in = published).
 */
export async function loadCbsTables(options: { engine: NodeEngine; raw: string }): Promise<{
	table: string | null;
	cbs: CbsManifest | null;
	sources: Manifest['sources'];
}> {
	const dir = join(options.raw, CBS_FOLDER);
	if (!existsSync(dir)) return { table: null, cbs: null, sources: [] };
	const tableDirs = readdirSync(dir)
		.filter((n) => n !== REGION_LISTS_FOLDER && statSync(join(dir, n)).isDirectory())
		.sort();
	if (tableDirs.length === 0) return { table: null, cbs: null, sources: [] };
	const { engine } = options;
	const name = 'release_cbs_cijfers';
	await engine.run(
		`CREATE OR REPLACE TABLE ${sqlIdent(name)} (${COLUMNS.map(([, column, type]) => `${sqlIdent(column)} ${type}`).join(', ')})`
	);
	const regions = readRegionLists(dir);
	const tables: CbsManifest['tables'] = [];
	const sources: Manifest['sources'] = [];
	for (const t of tableDirs) {
		const read = isParquetTable(join(dir, t))
			? await readParquetCbsTable({ engine, dir: join(dir, t) })
			: readCbsTable(join(dir, t), { regions });
		const measures = new Map(read.measures.map((m) => [m.id, m]));
		// DuckDB's appender: a national table of wijken en buurten holds millions of cells.
		await appendColumns(
			engine,
			name,
			COLUMNS.map(([key, , type]): AppendColumn => {
				const value = (c: CbsCell) =>
					key === 'title' || key === 'unit' ? measures.get(c.measure)![key] : c[key];
				return type === 'VARCHAR'
					? {
							type,
							values: read.cells.map((c) => {
								const v = value(c);
								return v == null ? null : String(v);
							})
						}
					: { type, values: read.cells.map((c) => (value(c) as number | null) ?? null) };
			})
		);
		tables.push({
			id: read.id,
			title: read.title,
			measures: read.measures.map((m) => ({ id: m.id, title: m.title, unit: m.unit })),
			periods: [...new Map(read.cells.map((c) => [c.period, c.status])).entries()]
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([period, status]) => ({ period, status })),
			...(read.coverage
				? {
						coverage: {
							truncated: read.coverage.truncated,
							rows: read.coverage.rows,
							categories: read.coverage.categories.map((c) => ({
								category: c.category,
								complete: c.complete
							})),
							skipped: read.coverage.skipped
						}
					}
				: {})
		});
		const hash = createHash('sha256');
		for (const f of read.files) hash.update(readFileSync(f));
		sources.push({
			file: relative(process.cwd(), join(dir, t)),
			rows: read.cells.length,
			published: read.cells.length,
			quarantined: 0,
			sha256: hash.digest('hex'),
			format: read.format
		});
	}
	return {
		table: name,
		cbs: { attribution: 'Bron: CBS', licence: 'CC BY 4.0', tables },
		sources
	};
}
