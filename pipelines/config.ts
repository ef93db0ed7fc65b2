import { resolve } from 'node:path';

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
 * The default layout: raw and warehouse stay out of git; the release is served from static/data.
 * KOERS_RAW_DIR, KOERS_GEMEENTEN_DIR, KOERS_WAREHOUSE_DIR and KOERS_PUBLISHED_DIR override the folders.
 */
export function defaultPaths(root = process.cwd(), env: NodeJS.ProcessEnv = process.env): Paths {
	return {
		reference: resolve(root, 'data/reference'),
		gemeenten: resolve(root, env['KOERS_GEMEENTEN_DIR'] ?? 'data/gemeenten'),
		raw: resolve(root, env['KOERS_RAW_DIR'] ?? 'data/raw'),
		warehouse: resolve(root, env['KOERS_WAREHOUSE_DIR'] ?? 'data/warehouse'),
		published: resolve(root, env['KOERS_PUBLISHED_DIR'] ?? 'static/data')
	};
}

/** The key used only for the synthetic sample. Real data must bring its own key in the environment. */
export const SAMPLE_PSEUDONYM_KEY =
	'VOORBEELDDATA-sleutel-alleen-voor-synthetische-data-NIET-voor-echte-data';
/** Environment variable that holds the pseudonym key (HMAC-SHA256). */
export const PSEUDONYM_KEY_ENV = 'KOERS_PSEUDONYM_KEY';
