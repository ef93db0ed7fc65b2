import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { findIdentifiers } from '../../src/lib/disclosure/identifiers';
import { sqlIdent, sqlString } from '../../src/lib/db/query';
import type { Manifest } from '../../src/lib/db/manifest';
import type { NodeEngine } from '../../src/lib/server/duckdb-node';
import { PipelineError } from '../errors';

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
	manifest: Omit<Manifest, 'tables' | 'release'>;
}): Promise<Manifest> {
	const { engine, publishedDir } = options;
	await mkdir(publishedDir, { recursive: true });
	const staging = join(publishedDir, `.staging-${process.pid}`);
	await rm(staging, { recursive: true, force: true });
	await mkdir(staging);
	try {
		const tables: Manifest['tables'] = {};
		const moves: [string, string][] = [];
		for (const [name, source] of Object.entries(options.tables)) {
			const columns = await engine.query<{ column_name: string; column_type: string }>(
				`DESCRIBE ${sqlIdent(source)}`
			);
			// Hive layout: <table>/gemeente=…/jaar=…/<content hash>.parquet, partition columns in the path only.
			const keys = PARTITION_KEYS.filter((k) => columns.some((c) => c.column_name === k));
			const partitions = await engine.query<Record<string, string | number>>(
				keys.length > 0
					? `SELECT DISTINCT ${keys.map(sqlIdent).join(', ')} FROM ${sqlIdent(source)} ORDER BY ALL`
					: 'SELECT 1 AS whole'
			);
			const files: Manifest['tables'][string]['files'] = [];
			for (const partition of partitions) {
				const where =
					keys.length > 0
						? `WHERE ${keys.map((k) => `${sqlIdent(k)} = ${typeof partition[k] === 'number' ? partition[k] : sqlString(String(partition[k]))}`).join(' AND ')}`
						: '';
				const exclude = keys.length > 0 ? ` EXCLUDE (${keys.map(sqlIdent).join(', ')})` : '';
				const tmp = join(staging, `${name}-${files.length}.parquet`);
				// One file per partition, written in the table's order, with modest row groups so a reader
				// fetches only the row groups a query needs. Written one by one: deterministic names and bytes.
				await engine.run(
					`COPY (SELECT *${exclude} FROM ${sqlIdent(source)} ${where}) TO ${sqlString(tmp)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 8192)`
				);
				const bytes = await readFile(tmp);
				const hash = sha256(bytes);
				const dir = [name, ...keys.map((k) => `${k}=${partition[k]}`)].join('/');
				const path = `${dir}/${hash.slice(0, 16)}.parquet`;
				const [{ rows } = { rows: 0 }] = await engine.query<{ rows: number }>(
					`SELECT CAST(count(*) AS INTEGER) AS rows FROM ${sqlIdent(source)} ${where}`
				);
				files.push({
					path,
					rows,
					bytes: bytes.length,
					sha256: hash,
					partition: Object.fromEntries(keys.map((k) => [k, partition[k]!]))
				});
				moves.push([tmp, join(publishedDir, path)]);
			}
			tables[name] = {
				rows: files.reduce((sum, f) => sum + f.rows, 0),
				columns: columns.map((c) => ({ name: c.column_name, type: c.column_type })),
				partitionBy: keys,
				files
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
		for (const [from, to] of moves) {
			await mkdir(dirname(to), { recursive: true });
			await rename(from, to);
		}
		// The switch: one atomic rename. Readers see either the old or the new manifest.
		await rename(join(staging, 'manifest.json'), join(publishedDir, 'manifest.json'));
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

/** Columns a published table is partitioned on, when it has them (hive layout). */
export const PARTITION_KEYS = ['gemeente', 'jaar'];
