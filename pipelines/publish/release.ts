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
import { sideBySide, withTableConnections } from '../side-by-side';

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
		// Tables are planned side by side (their columns, partitions and rows), then written side by side on
		// the same connections in pieces (a partition, or a group of gemeenten of a large table), each COPY on
		// one thread: every file keeps its table's row order, so the same tables give byte-identical files.
		const count = options.connections ?? 1;
		const plans = await withTableConnections(engine, count, async (engines) => {
			const planned = await sideBySide(
				engines,
				Object.entries(options.tables),
				async (own, [name, source]) => {
					const columns = await own.query<{ column_name: string; column_type: string }>(
						`DESCRIBE ${sqlIdent(source)}`
					);
					// Hive layout: <table>/gemeente=…/<content hash>.parquet, the partition column in the path only.
					const keys =
						OWN_PARTITIONS[name] ?? PARTITION_KEYS.filter((k) => columns.some((c) => c.column_name === k));
					const plan = await planPartitions({
						engine: own,
						name,
						source,
						parts: options.parts?.[name],
						keys,
						staging,
						pieces: count
					});
					return { name, columns, keys, ...plan };
				}
			);
			await sideBySide(
				engines,
				planned.flatMap((p) => p.copies),
				async (own, copy) => {
					if (copy.folder) await mkdir(copy.folder);
					await own.run(copy.sql);
				}
			);
			return planned;
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
		// Every folder once, then the files: making a folder is a system call worth not repeating per file.
		const folders = [...new Set(moves.map(([, to]) => dirname(to)))];
		await pMap(folders, (folder) => mkdir(folder, { recursive: true }), { concurrency: 16 });
		await pMap(moves, ([from, to]) => rename(from, to), { concurrency: 16 });
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
 * sorted by year inside (the tables' own order): a page reads its gemeente's file once; a partition
 * per year as well would multiply the small files and requests by the number of years.
 */
const PARTITION_KEYS = ['gemeente'];

/**
 * Small pre-aggregated tables read by national views, partitioned on their own key instead of the
 * gemeente: kerncijfers is one file; the benchmark one file per indicator, for all gemeenten.
 */
const OWN_PARTITIONS: Record<string, string[]> = { kerncijfers: [], benchmark: ['indicator'] };

/**
 * One partition of a table: its rows, its values, its folder in the hive layout, and where its COPY
 * writes it: a file, or a folder (of a partitioned COPY) that will hold its one file.
 */
interface Partition {
	rows: number;
	partition: Record<string, string | number>;
	dir: string[];
	written: { file: string } | { folder: string };
}

/** A file written in the staging folder, named by its content hash, with where it was written. */
type StagedFile = Manifest['tables'][string]['files'][number] & { tmp: string };

/**
 * Plans how one table is written as Parquet, one file per partition (its rows in the table's order,
 * the partition columns in the path only): the COPY statements and where each partition's file will be.
 * Files are written straight into the staging folder (`<table>~<partition folder>.parquet`) where one COPY
 * writes one file: no folder to make and remove for each (a national run has thousands). Its files are
 * named by content hash once written.
 *
 * DuckDB's partitioned writer (COPY … PARTITION_BY) keeps a partition's rows in order only when no chunk
 * of 2.048 rows it is given holds two partitions: of a partition that began inside such a chunk, the rows
 * in that chunk came after all its others (4.050 rows of one gemeente, then the next gemeente's 46 rows
 * of that chunk last in its file). A table merged from one table per gemeente is therefore written from
 * those `parts` (a UNION ALL hands the writer each part's own chunks), in `pieces` groups of gemeenten
 * that can be written side by side (a group of one gemeente as a plain COPY, the same bytes); another
 * partitioned table with one COPY per partition.
 */
async function planPartitions(options: {
	engine: NodeEngine;
	name: string;
	source: string;
	parts: { gemeente: string; table: string }[] | undefined;
	keys: string[];
	staging: string;
	pieces: number;
}): Promise<{ partitions: Partition[]; copies: { folder?: string; sql: string }[] }> {
	const { engine, name, source, keys, staging, parts } = options;
	const format = 'FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 8192';
	const counts = await engine.query<Record<string, string | number> & { rows: number }>(
		keys.length > 0
			? `SELECT ${keys.map(sqlIdent).join(', ')}, CAST(count(*) AS INTEGER) AS rows FROM ${sqlIdent(source)} GROUP BY ALL ORDER BY ALL`
			: `SELECT CAST(count(*) AS INTEGER) AS rows FROM ${sqlIdent(source)}`
	);
	const merged = parts && keys.length === 1 && keys[0] === 'gemeente';
	// A merged table's gemeenten in `pieces` groups, each written by one COPY.
	const size = merged ? Math.ceil(parts.length / Math.max(1, options.pieces)) : 1;
	const groups = merged
		? Array.from({ length: Math.ceil(parts.length / size) }, (_, i) => parts.slice(i * size, (i + 1) * size))
		: [];
	// The folder of a group of several gemeenten, written with PARTITION_BY: a folder per gemeente in it.
	const folderOf = new Map(
		groups.flatMap((group, i) =>
			group.length > 1 ? group.map((p) => [p.gemeente, join(staging, `${name}~${i}`)] as const) : []
		)
	);
	const file = (dir: string[]) => join(staging, `${[name, ...dir].join('~')}.parquet`);
	const partitions: Partition[] = counts.map((count) => {
		const partition = Object.fromEntries(keys.map((k) => [k, count[k]!]));
		if (keys.some((k) => partition[k] === null || partition[k] === undefined))
			throw new PipelineError(`publiceren van ${source}: een regel zonder ${keys.join(', ')}`);
		const dir = keys.map((k) => `${k}=${partition[k]}`);
		const folder = merged ? folderOf.get(String(partition['gemeente'])) : undefined;
		return {
			rows: count.rows,
			partition,
			dir,
			written: folder ? { folder: join(folder, ...dir) } : { file: file(dir) }
		};
	});
	if (keys.length === 0)
		return {
			partitions,
			copies: [{ sql: `COPY (SELECT * FROM ${sqlIdent(source)}) TO ${sqlString(file([]))} (${format})` }]
		};
	if (merged)
		return {
			partitions,
			copies: groups.map((group, i) => {
				// Every group has the table's columns and types (the union of all parts), from the table without rows.
				const columns = `SELECT * FROM (SELECT * FROM ${sqlIdent(source)} LIMIT 0)`;
				const union = `${columns} UNION ALL BY NAME ${group.map((p) => `SELECT * FROM ${p.table}`).join(' UNION ALL BY NAME ')}`;
				if (group.length === 1)
					return {
						sql: `COPY (SELECT * EXCLUDE (gemeente) FROM (${union})) TO ${sqlString(file([`gemeente=${group[0]!.gemeente}`]))} (${format})`
					};
				const folder = join(staging, `${name}~${i}`);
				return {
					folder,
					sql: `COPY (${union}) TO ${sqlString(folder)} (${format}, PARTITION_BY (gemeente), FILENAME_PATTERN 'part{i}')`
				};
			})
		};
	return {
		partitions,
		copies: partitions.map((p) => {
			const where = keys.map((k) => `${sqlIdent(k)} = ${sqlString(String(p.partition[k]))}`).join(' AND ');
			return {
				sql: `COPY (SELECT * EXCLUDE (${keys.map(sqlIdent).join(', ')}) FROM ${sqlIdent(source)} WHERE ${where}) TO ${sqlString(file(p.dir))} (${format})`
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
			const parquet =
				'file' in written
					? [written.file].filter((f) => existsSync(f))
					: existsSync(written.folder)
						? (await readdir(written.folder))
								.filter((f) => f.endsWith('.parquet'))
								.map((f) => join(written.folder, f))
						: [];
			if (parquet.length !== 1)
				throw new PipelineError(
					`publiceren van ${name} ${dir.join('/')}: ${parquet.length} bestanden geschreven, verwacht 1`
				);
			const tmp = parquet[0]!;
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
