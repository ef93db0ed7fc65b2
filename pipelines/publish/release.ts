import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
			const tmp = join(staging, `${name}.parquet`);
			// Modest row groups so a reader can fetch only the ones a query needs.
			await engine.run(
				`COPY (SELECT * FROM ${sqlIdent(source)}) TO ${sqlString(tmp)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 8192)`
			);
			const bytes = await readFile(tmp);
			const hash = sha256(bytes);
			const path = `${name}-${hash.slice(0, 16)}.parquet`;
			const columns = await engine.query<{ column_name: string; column_type: string }>(
				`DESCRIBE ${sqlIdent(source)}`
			);
			const [{ rows } = { rows: 0 }] = await engine.query<{ rows: number }>(
				`SELECT CAST(count(*) AS INTEGER) AS rows FROM ${sqlIdent(source)}`
			);
			tables[name] = {
				rows,
				columns: columns.map((c) => ({ name: c.column_name, type: c.column_type })),
				files: [{ path, rows, bytes: bytes.length, sha256: hash }]
			};
			moves.push([tmp, join(publishedDir, path)]);
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
		for (const [from, to] of moves) await rename(from, to);
		// The switch: one atomic rename. Readers see either the old or the new manifest.
		await rename(join(staging, 'manifest.json'), join(publishedDir, 'manifest.json'));
		await removeUnreferenced(publishedDir, manifest);
		return manifest;
	} finally {
		await rm(staging, { recursive: true, force: true });
	}
}

async function removeUnreferenced(dir: string, manifest: Manifest): Promise<void> {
	const keep = new Set(Object.values(manifest.tables).flatMap((t) => t.files.map((f) => f.path)));
	for (const entry of await readdir(dir)) {
		if (entry.endsWith('.parquet') && !keep.has(entry) && (await stat(join(dir, entry))).isFile())
			await rm(join(dir, entry));
	}
}
