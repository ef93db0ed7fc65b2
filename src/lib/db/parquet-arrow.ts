import { parquetReadObjects, type AsyncBuffer } from 'hyparquet';
import { Bool, Float64, Int32, makeData, makeVector, Table, Utf8, type Vector } from 'apache-arrow';
import type { ManifestTable } from './manifest';

/** A validity bitmap (bit set = value present) and the null count. */
function validity(values: unknown[]): { nullBitmap: Uint8Array; nullCount: number } {
	const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
	let nullCount = 0;
	values.forEach((v, i) => {
		if (v === null || v === undefined) nullCount++;
		else nullBitmap[i >> 3]! |= 1 << (i & 7);
	});
	return { nullBitmap, nullCount };
}

/**
 * Builds an Arrow vector straight from typed arrays. apache-arrow's own builders (vectorFromArray)
 * compile a validity check with `new Function`, which a CSP without 'unsafe-eval' blocks.
 */
function toVector(values: unknown[], duckdbType: string): Vector {
	const length = values.length;
	const { nullBitmap, nullCount } = validity(values);
	switch (duckdbType) {
		case 'INTEGER':
			return makeVector(
				makeData({
					type: new Int32(),
					length,
					nullCount,
					nullBitmap,
					data: Int32Array.from(values, (v) => Number(v ?? 0))
				})
			);
		case 'DOUBLE':
			return makeVector(
				makeData({
					type: new Float64(),
					length,
					nullCount,
					nullBitmap,
					data: Float64Array.from(values, (v) => Number(v ?? 0))
				})
			);
		case 'BOOLEAN': {
			const data = new Uint8Array(Math.ceil(length / 8));
			values.forEach((v, i) => {
				if (v === true) data[i >> 3]! |= 1 << (i & 7);
			});
			return makeVector(makeData({ type: new Bool(), length, nullCount, nullBitmap, data }));
		}
		case 'VARCHAR': {
			const encoder = new TextEncoder();
			const parts = values.map((v) =>
				v === null || v === undefined ? new Uint8Array(0) : encoder.encode(String(v))
			);
			const valueOffsets = new Int32Array(length + 1);
			parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i]! + p.length));
			const data = new Uint8Array(valueOffsets[length]!);
			parts.forEach((p, i) => data.set(p, valueOffsets[i]!));
			return makeVector(makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data }));
		}
		default:
			throw new Error(
				`unsupported published column type ${duckdbType}: publish INTEGER, DOUBLE, BOOLEAN or VARCHAR`
			);
	}
}

/**
 * Reads a published Parquet file with hyparquet and returns it as an Arrow table, typed from the
 * manifest. DuckDB-WASM 1.32 loads its Parquet reader as an extension from the vendor's host at run
 * time, which fails offline and would leak every visitor's address; this keeps Parquet as the
 * published format without that extension.
 */
export async function parquetToArrow(options: {
	file: AsyncBuffer;
	table: ManifestTable;
	/** hive partition values of this file: columns that are in the path, not in the file */
	partition: Record<string, string | number>;
}): Promise<Table> {
	const rows = (await parquetReadObjects({ file: options.file })) as Record<string, unknown>[];
	const columns: Record<string, Vector> = {};
	for (const { name, type } of options.table.columns) {
		const fixed = options.partition[name];
		columns[name] = toVector(
			rows.map((r) =>
				fixed !== undefined ? fixed : typeof r[name] === 'bigint' ? Number(r[name]) : r[name]
			),
			type
		);
	}
	return new Table(columns);
}
