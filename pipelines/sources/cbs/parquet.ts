import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { NodeEngine } from '../../../src/lib/db/node.server';
import { sqlIdent, sqlString } from '../../../src/lib/db/query';
import { refuseFile } from '../../errors';
import type { Coverage } from './labelled';
import { cellValue, parsePeriod, regionLevel, stableMeasureId, type CbsCell, type CbsTable } from './odata';

/**
 * A CBS table saved as Parquet (as statline-bq and other loaders keep CBS's OData v3 resources:
 * `…_TypedDataSet.parquet`, `…_DataProperties.parquet`, the region list `…_WijkenEnBuurten.parquet` and
 * `…_Metadata.json`, the TableInfos). Read with DuckDB, which reads Parquet natively. A table of wijken
 * en buurten has no time dimension: its period is the TableInfos' `Period` (the edition's year). Its
 * buurten are not read (Koers publishes CBS figures down to wijken); the release says so.
 */

/** The Parquet files of a table folder, by the resource they hold; null when it has no data set in Parquet. */
function parquetFiles(
	dir: string
): { data: string; properties: string | null; regions: string | null } | null {
	const names = readdirSync(dir);
	const find = (resource: string) => {
		const name = names.find((n) => n === `${resource}.parquet` || n.endsWith(`_${resource}.parquet`));
		return name ? join(dir, name) : null;
	};
	const data = find('TypedDataSet') ?? find('UntypedDataSet');
	if (!data) return null;
	return { data, properties: find('DataProperties'), regions: find('WijkenEnBuurten') ?? find('RegioS') };
}

/** Whether a table folder holds its data set as Parquet. */
export function isParquetTable(dir: string): boolean {
	return parquetFiles(dir) !== null;
}

/** The TableInfos of the folder (`…Metadata.json` or `TableInfos.json`): title and period. */
function tableInfo(dir: string): { title?: unknown; period?: unknown } {
	const name = readdirSync(dir).find((n) => /(^TableInfos|Metadata)\.json$/.test(n));
	if (!name) return {};
	const parsed = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
	const info = Array.isArray(parsed['value']) ? (parsed['value'][0] as Record<string, unknown>) : parsed;
	return { title: info['Title'], period: info['Period'] };
}

/** Reads one CBS table saved as Parquet. */
export async function readParquetCbsTable(options: {
	engine: NodeEngine;
	dir: string;
}): Promise<CbsTable & { coverage: Coverage }> {
	const { engine, dir } = options;
	const id = dir.split(/[\\/]/).filter(Boolean).pop()!;
	const files = parquetFiles(dir)!;
	const folder = relative(process.cwd(), dir);
	if (!files.properties)
		refuseFile(
			folder,
			'DataProperties ontbreekt naast de gegevens in Parquet: zonder de beschrijving van de kolommen is niet te zeggen welke maat welke kolom is'
		);
	const props = await engine.query<{
		Key: string;
		Type: string;
		Title: string;
		Unit: string | null;
		Datatype: string | null;
	}>(`SELECT Key, Type, Title, Unit, Datatype FROM read_parquet(${sqlString(files.properties)}) ORDER BY ID`);
	const region = props.find((p) => ['GeoDimension', 'GeoDetail'].includes(p.Type))?.Key;
	if (!region)
		refuseFile(
			folder,
			'geen regio-dimensie (RegioS, WijkenEnBuurten): Koers leest alleen tabellen per regio'
		);
	const time = props.find((p) => p.Type === 'TimeDimension')?.Key ?? null;
	const info = tableInfo(dir);
	const edition = /^\d{4}$/.test(String(info.period ?? '')) ? `${String(info.period)}JJ00` : null;
	if (!time && !edition)
		refuseFile(
			folder,
			'geen tijdsdimensie en geen Period in de TableInfos (…Metadata.json): de periode van de tabel is onbekend'
		);
	// String topics are names and codes of the region, not figures.
	const measures = props
		.filter((p) => p.Type === 'Topic' && p.Datatype !== 'String')
		.map((p) => ({
			key: p.Key,
			id: stableMeasureId(p.Key),
			title: p.Title.trim(),
			unit: (p.Unit ?? '').trim(),
			decimals: 0
		}));
	const rows = await engine.query<Record<string, string | number | null>>(
		`SELECT trim(${sqlIdent(region)}) AS region, ${time ? `trim(${sqlIdent(time)})` : sqlString(edition!)} AS period,
	${measures.map((m) => `CAST(${sqlIdent(m.key)} AS DOUBLE) AS ${sqlIdent(m.key)}`).join(', ')}
FROM read_parquet(${sqlString(files.data)}) ORDER BY ID`
	);
	const names = files.regions
		? new Map(
				(
					await engine.query<{ key: string; title: string }>(
						`SELECT trim(Key) AS key, trim(Title) AS title FROM read_parquet(${sqlString(files.regions)})`
					)
				).map((r) => [r.key, r.title])
			)
		: new Map<string, string>();
	const cells: CbsCell[] = [];
	let buurten = 0;
	for (const row of rows) {
		const code = String(row['region']);
		const level = regionLevel(code);
		if (level === 'buurt') {
			buurten++;
			continue;
		}
		const period = String(row['period']);
		const parsed = parsePeriod(period);
		if (!parsed)
			refuseFile(
				folder,
				`onbekende periode "${period}": CBS schrijft jjjjJJ00, jjjjHJ01, jjjjKW01 of jjjjMM01`
			);
		for (const m of measures)
			cells.push({
				table: id,
				measure: m.id,
				category: '',
				region: code,
				level,
				regionName: names.get(code) ?? code,
				period,
				...parsed,
				// A table without a time dimension carries no status of its period.
				status: 'onbekend',
				value: cellValue(row[m.key])
			});
	}
	return {
		id,
		title: String(info.title ?? id),
		measures,
		cells,
		files: [files.properties, files.data, ...(files.regions ? [files.regions] : [])],
		format: `CBS-tabel ${id}, OData TypedDataSet als Parquet${buurten > 0 ? ` (${buurten} buurten niet gelezen)` : ''}`,
		coverage: {
			truncated: false,
			rows: rows.length,
			categories: [{ category: '', complete: true }],
			skipped:
				buurten > 0
					? [{ reason: 'buurten: Koers publiceert CBS-cijfers tot op wijkniveau', rows: buurten }]
					: []
		}
	};
}
