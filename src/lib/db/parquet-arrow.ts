import { parquetMetadataAsync, parquetRead, type AsyncBuffer } from 'hyparquet';
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
			// Text arrives as the file's UTF-8 bytes (see parquetToArrow), so nothing is decoded and encoded
			// again; a partition value (a JS string) is encoded once.
			const encoder = new TextEncoder();
			const encoded = new Map<string, Uint8Array>();
			const empty = new Uint8Array(0);
			const parts = values.map((v) => {
				if (v === null || v === undefined) return empty;
				if (v instanceof Uint8Array) return v;
				const text = String(v);
				let bytes = encoded.get(text);
				if (!bytes) encoded.set(text, (bytes = encoder.encode(text)));
				return bytes;
			});
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
	const metadata = await parquetMetadataAsync(options.file);
	const length = Number(metadata.num_rows);
	// Column by column as hyparquet decodes them (no object per row); text stays UTF-8 bytes.
	const decoded = new Map<string, unknown[]>();
	await parquetRead({
		file: options.file,
		metadata,
		parsers: { stringFromBytes: (bytes: Uint8Array) => bytes },
		onChunk: ({ columnName, columnData, rowStart }) => {
			let column = decoded.get(columnName);
			if (!column) decoded.set(columnName, (column = new Array<unknown>(length).fill(null)));
			for (let i = 0; i < columnData.length && rowStart + i < length; i++)
				column[rowStart + i] = columnData[i];
		}
	});
	const columns: Record<string, Vector> = {};
	for (const { name, type } of options.table.columns) {
		const fixed = options.partition[name];
		columns[name] = toVector(
			fixed !== undefined
				? new Array<unknown>(length).fill(fixed)
				: (decoded.get(name) ?? new Array<unknown>(length).fill(null)),
			type
		);
	}
	return new Table(columns);
}
