import { resolve } from 'node:path';
import type { Manifest } from '../db/manifest';
import { loadGemeente } from './folder';
import { GemeenteError, type Gemeente } from './types';
import { setting } from '../env';

/** The folder of gemeente folders: `data/gemeenten`, or `KOERS_GEMEENTEN_DIR`. */
export function gemeentenDir(env: NodeJS.ProcessEnv = process.env): string {
	return resolve(setting('KOERS_GEMEENTEN_DIR', env));
}

const cache = new Map<string, Gemeente[]>();

/**
 * The gemeenten of a release, in the release's order, each with what its folder brings. Read once
 * per release and folder: every prerendered page asks for the same list. A folder of a gemeente that
 * is not in the release is not read (the sample's folders stay as examples).
 */
export function releaseGemeenten(options: { gemeentenDir: string; manifest: Manifest }): Gemeente[] {
	const key = `${options.manifest.release}|${options.gemeentenDir}`;
	let found = cache.get(key);
	if (!found) {
		found = options.manifest.gemeenten.map((g) =>
			loadGemeente({ gemeentenDir: options.gemeentenDir, code: g.code, name: g.name })
		);
		cache.set(key, found);
	}
	return found;
}

/** One gemeente of a list by code; an unknown code is an error that lists the known ones. */
export function gemeenteByCode(gemeenten: Gemeente[], code: string): Gemeente {
	const found = gemeenten.find((g) => g.code === code);
	if (!found)
		throw new GemeenteError(
			`gemeente ${code} staat niet in de release (wel: ${gemeenten.map((g) => `${g.code} ${g.name}`).join(', ') || 'geen'})`,
			''
		);
	return found;
}
