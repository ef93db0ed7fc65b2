import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultPaths, type Paths } from '../../pipelines/config';

/** Paths for a pipeline run over a fixture folder, publishing into a fresh temporary folder. */
export function fixturePaths(options: { raw: string; published?: string }): Paths {
	const base = defaultPaths(resolve('.'), {});
	return {
		...base,
		raw: resolve(options.raw),
		warehouse: mkdtempSync(join(tmpdir(), 'koers-warehouse-')),
		published: options.published ?? mkdtempSync(join(tmpdir(), 'koers-published-'))
	};
}
