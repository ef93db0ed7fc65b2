import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { failpoint } from '../failpoints';
import { dirname, join } from 'node:path';
import { findIdentifiers } from '../../src/lib/disclosure/identifiers';
import { sqlIdent, sqlString } from '../../src/lib/db/query';
import type { Manifest } from '../../src/lib/db/manifest';
import type { NodeEngine } from '../../src/lib/db/node.server';
import { PipelineError } from '../errors';
import pMap from 'p-map';
import { tablesSideBySide } from '../side-by-side';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/**
 * Publishes tables atomically: each is written as content-hashed Parquet in a staging folder, then
 * moved beside the current release, and only then is the manifest switched with one rename. A run
 * that fails or is killed before that rename leaves the previous release byte-identical.
 */
export async function publishRelease(options: {
	engine: NodeEngine;
	publishedDir: string;
	/** published name → table in the engine */
	tables: Record<string, string>;
	/**
	 * per published name, the tables its table was merged from, one per gemeente in the release's order:
	 * its files are written from them (see planPartitions)
	 */
	parts?: Record<string, { gemeente: string; table: string }[]>;
	manifest: Omit<Manifest, 'tables' | 'release'>;
	/** how many tables are written at a time, each on its own connection (default 1) */
	connections?: number;
}): Promise<Manifest> {
	const { engine, publishedDir } = options;
	await mkdir(publishedDir, { recursive: true });
	const staging = join(publishedDir, `.staging-${process.pid}`);
	await rm(staging, { recursive: true, force: true });
	await mkdir(staging);
	try {
		// Tables are planned side by side (their columns, partitions and rows), then written side by side in
		// pieces (a partition, or a group of gemeenten of a large table), each COPY on one thread: every file
		// keeps its table's row order, so the same tables give byte-identical files.
		const count = options.connections ?? 1;
		const plans = await tablesSideBySide({
			engine,
			count,
			items: Object.entries(options.tables),
			task: async (own, [name, source]) => {
				const columns = await own.query<{ column_name: string; column_type: string }>(
					`DESCRIBE ${sqlIdent(source)}`
				);
				// Hive layout: <table>/gemeente=…/<content hash>.parquet, the partition column in the path only.
				const keys =
					OWN_PARTITIONS[name] ?? PARTITION_KEYS.filter((k) => columns.some((c) => c.column_name === k));
				const plan = await planPartitions({
					engine: own,
					source,
					parts: options.parts?.[name],
					keys,
					staging: join(staging, name),
					pieces: count
				});
				return { name, columns, keys, ...plan };
			}
		});
		await tablesSideBySide({
			engine,
			count,
			items: plans.flatMap((p) => p.copies),
			task: async (own, copy) => {
				await mkdir(copy.dir, { recursive: true });
				await own.run(copy.sql);
			}
		});
		const written = await pMap(plans, async (plan) => ({ ...plan, files: await hashFiles(plan) }));
		const tables: Manifest['tables'] = {};
		const moves: [string, string][] = [];
		for (const { name, columns, keys, files } of written) {
			for (const f of files) moves.push([f.tmp, join(publishedDir, f.path)]);
			tables[name] = {
				rows: files.reduce((sum, f) => sum + f.rows, 0),
				columns: columns.map((c) => ({ name: c.column_name, type: c.column_type })),
				partitionBy: keys,
				files: files.map(({ tmp: _, ...f }) => f)
			};
		}
		const release = sha256(
			Object.values(tables)
				.map((t) => t.files.map((f) => f.sha256).join())
				.join()
		);
		const manifest: Manifest = { ...options.manifest, release, tables };
		const text = JSON.stringify(manifest, null, 2) + '\n';
		const leaks = findIdentifiers(
			text.replace(/"sha256": "[0-9a-f]+"|"release": "[0-9a-f]+"|"path": "[^"]+"|"dataDate": "[^"]+"/g, '')
		);
		if (leaks.length > 0)
			throw new PipelineError(`het manifest bevat mogelijk persoonsgegevens: ${leaks.join('; ')}`);
		await writeFile(join(staging, 'manifest.json'), text);
		failpoint('publish:staged');
		await pMap(
			moves,
			async ([from, to]) => {
				await mkdir(dirname(to), { recursive: true });
				await rename(from, to);
			},
			{ concurrency: 16 }
		);
		failpoint('publish:moved');
		// The switch: one atomic rename. Readers see either the old or the new manifest.
		await rename(join(staging, 'manifest.json'), join(publishedDir, 'manifest.json'));
		failpoint('publish:switched');
		await removeUnreferenced(publishedDir, manifest);
		return manifest;
	} finally {
		await rm(staging, { recursive: true, force: true });
	}
}

/** Removes Parquet files the new manifest does not reference, and folders left empty. */
async function removeUnreferenced(dir: string, manifest: Manifest): Promise<void> {
	const keep = new Set(Object.values(manifest.tables).flatMap((t) => t.files.map((f) => f.path)));
	const walk = async (relative: string): Promise<boolean> => {
		let empty = true;
		for (const entry of await readdir(join(dir, relative), { withFileTypes: true })) {
			const path = relative ? `${relative}/${entry.name}` : entry.name;
			if (entry.isDirectory()) {
				if (entry.name.startsWith('.staging-')) continue;
				if (await walk(path)) await rm(join(dir, path), { recursive: true });
				else empty = false;
			} else if (entry.name.endsWith('.parquet') && !keep.has(path)) {
				await rm(join(dir, path));
			} else {
				empty = false;
			}
		}
		return empty;
	};
	await walk('');
}

/**
 * Columns a published table is partitioned on, when it has them (hive layout). One file per gemeente,
 * sorted by year inside (the tables' own order): a page reads its gemeente's file once, and with 342
 * gemeenten a partition per year as well would mean 12× as many small files and requests.
 */
const PARTITION_KEYS = ['gemeente'];

/**
 * Small pre-aggregated tables read by national views, partitioned on their own key instead of the
 * gemeente: kerncijfers is one file; the benchmark one file per indicator, for all gemeenten.
 */
const OWN_PARTITIONS: Record<string, string[]> = { kerncijfers: [], benchmark: ['indicator'] };

/** One partition of a table: its rows, its values, its folder in the hive layout, and where its COPY writes it. */
interface Partition {
	rows: number;
	partition: Record<string, string | number>;
	dir: string[];
	written: string;
}

/** A file written in the staging folder, named by its content hash, with where it was written. */
type StagedFile = Manifest['tables'][string]['files'][number] & { tmp: string };

/**
 * Plans how one table is written as Parquet, one file per partition (its rows in the table's order,
 * the partition columns in the path only): the COPY statements, each writing under a folder of its own,
 * and where each partition's file will be. Its files are named by content hash once written.
 *
 * DuckDB's partitioned writer (COPY … PARTITION_BY) keeps a partition's rows in order only when no chunk
 * of 2.048 rows it is given holds two partitions: of a partition that began inside such a chunk, the rows
 * in that chunk came after all its others (4.050 rows of one gemeente, then the next gemeente's 46 rows
 * of that chunk last in its file). A table merged from one table per gemeente is therefore written from
 * those `parts` (a UNION ALL hands the writer each part's own chunks), in `pieces` groups of gemeenten
 * that can be written side by side; another partitioned table with one COPY per partition.
 */
async function planPartitions(options: {
	engine: NodeEngine;
	source: string;
	parts: { gemeente: string; table: string }[] | undefined;
	keys: string[];
	staging: string;
	pieces: number;
}): Promise<{ partitions: Partition[]; copies: { dir: string; sql: string }[] }> {
	const { engine, source, keys, staging, parts } = options;
	const format = 'FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 8192';
	const counts = await engine.query<Record<string, string | number> & { rows: number }>(
		keys.length > 0
			? `SELECT ${keys.map(sqlIdent).join(', ')}, CAST(count(*) AS INTEGER) AS rows FROM ${sqlIdent(source)} GROUP BY ALL ORDER BY ALL`
			: `SELECT CAST(count(*) AS INTEGER) AS rows FROM ${sqlIdent(source)}`
	);
	const merged = parts && keys.length === 1 && keys[0] === 'gemeente';
	// A merged table's gemeenten in `pieces` groups, each written by one COPY under a folder of its own.
	const size = merged ? Math.ceil(parts.length / Math.max(1, options.pieces)) : 1;
	const groups = merged
		? Array.from({ length: Math.ceil(parts.length / size) }, (_, i) => parts.slice(i * size, (i + 1) * size))
		: [];
	const groupOf = new Map(
		groups.flatMap((group, i) => group.map((p) => [p.gemeente, join(staging, `~${i}`)]))
	);
	const partitions = counts.map((count) => {
		const partition = Object.fromEntries(keys.map((k) => [k, count[k]!]));
		if (keys.some((k) => partition[k] === null || partition[k] === undefined))
			throw new PipelineError(`publiceren van ${source}: een regel zonder ${keys.join(', ')}`);
		const dir = keys.map((k) => `${k}=${partition[k]}`);
		const root = merged ? (groupOf.get(String(partition['gemeente'])) ?? staging) : staging;
		return { rows: count.rows, partition, dir, written: join(root, ...dir) };
	});
	if (keys.length === 0)
		return {
			partitions,
			copies: [
				{
					dir: staging,
					sql: `COPY (SELECT * FROM ${sqlIdent(source)}) TO ${sqlString(join(staging, 'part0.parquet'))} (${format})`
				}
			]
		};
	if (merged)
		return {
			partitions,
			copies: groups.map((group, i) => {
				const dir = join(staging, `~${i}`);
				// Every group has the table's columns and types (the union of all parts), from the table without rows.
				const columns = `SELECT * FROM (SELECT * FROM ${sqlIdent(source)} LIMIT 0)`;
				const union = group.map((p) => `SELECT * FROM ${p.table}`).join(' UNION ALL BY NAME ');
				return {
					dir,
					sql: `COPY (${columns} UNION ALL BY NAME ${union}) TO ${sqlString(dir)} (${format}, PARTITION_BY (gemeente), FILENAME_PATTERN 'part{i}')`
				};
			})
		};
	return {
		partitions,
		copies: partitions.map((p) => {
			const where = keys.map((k) => `${sqlIdent(k)} = ${sqlString(String(p.partition[k]))}`).join(' AND ');
			return {
				dir: p.written,
				sql: `COPY (SELECT * EXCLUDE (${keys.map(sqlIdent).join(', ')}) FROM ${sqlIdent(source)} WHERE ${where}) TO ${sqlString(join(p.written, 'part0.parquet'))} (${format})`
			};
		})
	};
}

/** Names each planned partition's file (the one Parquet file in its folder) by its content hash; several at a time. */
async function hashFiles(plan: { name: string; partitions: Partition[] }): Promise<StagedFile[]> {
	const { name } = plan;
	return pMap(
		plan.partitions,
		async ({ rows, partition, dir, written }) => {
			const parquet = existsSync(written)
				? (await readdir(written)).filter((f) => f.endsWith('.parquet'))
				: [];
			if (parquet.length !== 1)
				throw new PipelineError(
					`publiceren van ${name} ${dir.join('/')}: ${parquet.length} bestanden geschreven, verwacht 1`
				);
			const tmp = join(written, parquet[0]!);
			const bytes = await readFile(tmp);
			const hash = sha256(bytes);
			return {
				path: [name, ...dir, `${hash.slice(0, 16)}.parquet`].join('/'),
				rows,
				bytes: bytes.length,
				sha256: hash,
				partition,
				tmp
			};
		},
		{ concurrency: 16 }
	);
}
