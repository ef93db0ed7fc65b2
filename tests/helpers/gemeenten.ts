import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Catalog } from '../../src/lib/catalog/schema';
import { loadGemeente } from '../../src/lib/gemeente/folder';
import type { Gemeente } from '../../src/lib/gemeente/types';
import { currentDivision, readDivisionAreas } from '../../src/lib/gemeente/division';
import type { NodeEngine } from '../../src/lib/db/node.server';
import { loadAreas } from '../../pipelines/sources/reference';

/** The sample's gemeente folders (data/gemeenten), read as the product reads them. */
export function sampleGemeenten(): Gemeente[] {
	const dir = resolve('data/gemeenten');
	return readdirSync(dir)
		.sort()
		.map((code) => loadGemeente({ gemeentenDir: dir, code }));
}

/** Every catalogue of the sample's gemeente folders. */
export function sampleCatalogs(): Catalog[] {
	return sampleGemeenten().flatMap((g) => g.catalogs);
}

/** Loads a sample gemeente's area reference (its current division) into `engine`, as a run does first. */
export async function loadSampleAreas(engine: NodeEngine, code: string): Promise<void> {
	const gemeente = loadGemeente({ gemeentenDir: resolve('data/gemeenten'), code });
	const division = currentDivision(gemeente)!;
	await loadAreas({ engine, gemeente, areas: await readDivisionAreas({ gemeente: code, division }) });
}
