import { resolve } from 'node:path';

/** Where each stage of the data flow lives, relative to the repository root. */
export interface Paths {
	reference: string;
	catalog: string;
	raw: string;
	warehouse: string;
	published: string;
}

/** The default layout: raw and warehouse stay out of git; the release is served from static/data. */
export function defaultPaths(root = process.cwd()): Paths {
	return {
		reference: resolve(root, 'data/reference'),
		catalog: resolve(root, 'data/catalog'),
		raw: resolve(root, 'data/raw'),
		warehouse: resolve(root, 'data/warehouse'),
		published: resolve(root, 'static/data')
	};
}

/** The key used only for the synthetic sample. Real data must bring its own key in the environment. */
export const SAMPLE_PSEUDONYM_KEY =
	'VOORBEELDDATA-sleutel-alleen-voor-synthetische-data-NIET-voor-echte-data';
/** Environment variable that holds the pseudonym key (HMAC-SHA256). */
export const PSEUDONYM_KEY_ENV = 'KOERS_PSEUDONYM_KEY';
