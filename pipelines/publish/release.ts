import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { failpoint } from '../failpoints';
import { dirname, join } from 'node:path';
import { findIdentifiers } from '../../src/lib/disclosure/identifiers';
import { sqlIdent, sqlString } from '../../src/lib/db/query';
import type { Manifest } from '../../src/lib/db/manifest';
import type { NodeEngine } from '../../src/lib/db/node.server';
import { PipelineError } from '../errors';
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
	 * its files are written from them (see writePartitions)
	 */
	parts?: Record<string, string[]>;
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
		// Tables are written side by side, each COPY on one thread (threads = 1 while they are written):
		// every file keeps its table's row order, so the same tables give byte-identical files.
		const written = await tablesSideBySide({
			engine,
			count: options.connections ?? 1,
			items: Object.entries(options.tables),
			task: async (own, [name, source]) => {
				const columns = await own.query<{ column_name: string; column_type: string }>(
					`DESCRIBE ${sqlIdent(source)}`
				);
				// Hive layout: <table>/gemeente=…/<content hash>.parquet, the partition column in the path only.
				const keys =
					OWN_PARTITIONS[name] ?? PARTITION_KEYS.filter((k) => columns.some((c) => c.column_name === k));
				const files = await writePartitions({
					engine: own,
					source,
					parts: options.parts?.[name],
					name,
					keys,
					staging: join(staging, name)
				});
				return { name, columns, keys, files };
			}
		});
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
		for (const [from, to] of moves) {
			await mkdir(dirname(to), { recursive: true });
			await rename(from, to);
		}
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

/**
 * Writes one table as Parquet, one file per partition (its rows in the table's order, the partition
 * columns in the path only), then names each file by its content hash. The caller runs it on one thread
 * ({@link tablesSideBySide}), so the same tables give byte-identical files.
 *
 * DuckDB's partitioned writer (COPY … PARTITION_BY) keeps a partition's rows in order only when no chunk
 * of 2.048 rows it is given holds two partitions: of a partition that began inside such a chunk, the rows
 * in that chunk came after all its others (4.050 rows of one gemeente, then the next gemeente's 46 rows
 * of that chunk last in its file). A table merged from one table per gemeente is therefore written from
 * those `parts` (a UNION ALL hands the writer each part's own chunks: one COPY for all gemeenten); another
 * partitioned table with one COPY per partition.
 */
async function writePartitions(options: {
	engine: NodeEngine;
	source: string;
	parts: string[] | undefined;
	name: string;
	keys: string[];
	staging: string;
}): Promise<(Manifest['tables'][string]['files'][number] & { tmp: string })[]> {
	const { engine, source, name, keys, staging } = options;
	await mkdir(staging, { recursive: true });
	const format = 'FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 8192';
	const counts = await engine.query<Record<string, string | number> & { rows: number }>(
		keys.length > 0
			? `SELECT ${keys.map(sqlIdent).join(', ')}, CAST(count(*) AS INTEGER) AS rows FROM ${sqlIdent(source)} GROUP BY ALL ORDER BY ALL`
			: `SELECT CAST(count(*) AS INTEGER) AS rows FROM ${sqlIdent(source)}`
	);
	const partitions = counts.map((count) => {
		const partition = Object.fromEntries(keys.map((k) => [k, count[k]!]));
		return { count, partition, dir: keys.map((k) => `${k}=${partition[k]}`) };
	});
	const one = (p: (typeof partitions)[number]) => join(staging, ...p.dir, 'part0.parquet');
	if (keys.length === 0) {
		await engine.run(
			`COPY (SELECT * FROM ${sqlIdent(source)}) TO ${sqlString(one(partitions[0]!))} (${format})`
		);
	} else if (options.parts && keys.length === 1 && keys[0] === 'gemeente') {
		const union = options.parts.map((t) => `SELECT * FROM ${t}`).join(' UNION ALL BY NAME ');
		await engine.run(
			`COPY (${union}) TO ${sqlString(staging)} (${format}, PARTITION_BY (gemeente), FILENAME_PATTERN 'part{i}')`
		);
	} else {
		for (const p of partitions) {
			await mkdir(join(staging, ...p.dir), { recursive: true });
			const where = keys.map((k) => `${sqlIdent(k)} = ${sqlString(String(p.partition[k]))}`).join(' AND ');
			await engine.run(
				`COPY (SELECT * EXCLUDE (${keys.map(sqlIdent).join(', ')}) FROM ${sqlIdent(source)} WHERE ${where}) TO ${sqlString(one(p))} (${format})`
			);
		}
	}
	const files: (Manifest['tables'][string]['files'][number] & { tmp: string })[] = [];
	for (const { count, partition, dir } of partitions) {
		const written = await readdir(join(staging, ...dir));
		const parquet = written.filter((f) => f.endsWith('.parquet'));
		if (parquet.length !== 1)
			throw new PipelineError(
				`publiceren van ${name} ${dir.join('/')}: ${parquet.length} bestanden geschreven, verwacht 1`
			);
		const tmp = join(staging, ...dir, parquet[0]!);
		const bytes = await readFile(tmp);
		const hash = sha256(bytes);
		files.push({
			path: [name, ...dir, `${hash.slice(0, 16)}.parquet`].join('/'),
			rows: count.rows,
			bytes: bytes.length,
			sha256: hash,
			partition,
			tmp
		});
	}
	return files;
}
