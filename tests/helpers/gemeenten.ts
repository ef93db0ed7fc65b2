import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Catalog } from '../../src/lib/catalog/schema';
import { loadGemeente } from '../../src/lib/gemeente/folder';
import type { Gemeente } from '../../src/lib/gemeente/types';

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
