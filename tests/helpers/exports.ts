import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadCsvExport, type LoadedExport } from '../../pipelines/sources/csv-export';
import type { FileSchema } from '../../src/lib/schemas/column';
import { openNodeEngine, type NodeEngine } from '../../src/lib/db/node.server';
import { loadSampleAreas } from './gemeenten';

/**
 * Writes `content` to `path` and loads it as an export of `schema` for Zwolle (its areas read first, as a
 * run does), every row allowed into quarantine, on an engine of its own (`threads` DuckDB threads, 2 by
 * default); returns what `read` takes from the engine and the load, and closes the engine.
 */
export async function withLoadedExport<T>(
	options: { path: string; content: string | Buffer; schema: FileSchema; threads?: number },
	read: (engine: NodeEngine, loaded: LoadedExport) => Promise<T>
): Promise<T> {
	writeFileSync(options.path, options.content);
	const engine = await openNodeEngine(options.threads ? { threads: options.threads } : {});
	try {
		await loadSampleAreas(engine, 'GM0193');
		const loaded = await loadCsvExport({
			engine,
			path: options.path,
			file: basename(options.path),
			schema: options.schema,
			maxQuarantineRate: 1
		});
		return await read(engine, loaded);
	} finally {
		engine.close();
	}
}
