import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCatalog } from '../catalog/parse';
import type { Catalog } from '../catalog/schema';

/** Reads and validates every catalogue file under `data/catalog/<gemeente>/*.yaml`. */
export function loadCatalogs(catalogDir: string): Catalog[] {
	const catalogs: Catalog[] = [];
	for (const gemeente of readdirSync(catalogDir, { withFileTypes: true })) {
		if (!gemeente.isDirectory()) continue;
		for (const file of readdirSync(join(catalogDir, gemeente.name)).sort()) {
			// Only begroting-<jaar>.yaml are catalogues; financien.yaml holds the controller's settings.
			if (!/^begroting-.*\.ya?ml$/.test(file)) continue;
			const path = join(catalogDir, gemeente.name, file);
			catalogs.push(parseCatalog({ text: readFileSync(path, 'utf8'), file: relative(process.cwd(), path) }));
		}
	}
	return catalogs;
}
