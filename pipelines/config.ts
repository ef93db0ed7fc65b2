import { resolve } from 'node:path';
import { setting } from '../src/lib/env';

/** Where each stage of the data flow lives, relative to the repository root. */
export interface Paths {
	reference: string;
	/** the gemeente folders: catalogues, settings, reports, area divisions (in git) */
	gemeenten: string;
	raw: string;
	warehouse: string;
	published: string;
}

/**
 * The folders of a run: raw and warehouse stay out of git; the release is served from static/data.
 * KOERS_RAW_DIR, KOERS_GEMEENTEN_DIR, KOERS_WAREHOUSE_DIR and KOERS_PUBLISHED_DIR override them
 * (defaults in src/lib/env.js).
 */
export function defaultPaths(root = process.cwd(), env: NodeJS.ProcessEnv = process.env): Paths {
	return {
		reference: resolve(root, 'data/reference'),
		gemeenten: resolve(root, setting('KOERS_GEMEENTEN_DIR', env)),
		raw: resolve(root, setting('KOERS_RAW_DIR', env)),
		warehouse: resolve(root, setting('KOERS_WAREHOUSE_DIR', env)),
		published: resolve(root, setting('KOERS_PUBLISHED_DIR', env))
	};
}

/** The key used only for the synthetic sample. Real data must bring its own key in the environment. */
export const SAMPLE_PSEUDONYM_KEY =
	'VOORBEELDDATA-sleutel-alleen-voor-synthetische-data-NIET-voor-echte-data';
/** Environment variable that holds the pseudonym key (HMAC-SHA256). */
export const PSEUDONYM_KEY_ENV = 'KOERS_PSEUDONYM_KEY';
