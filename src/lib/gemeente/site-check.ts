import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CatalogError } from '../catalog/parse';
import type { Manifest } from '../db/manifest';
import { parseFinanceSettings, SettingsError } from '../finance/settings';
import { ReportError } from '../reports/parse';
import { reportReferenceErrors } from '../reports/references';
import { loadGemeente } from './folder';
import { GemeenteError } from './types';

/** The errors of a gemeente's folder that a user fixes in the folder: their message is the whole story. */
const FOLDER_ERRORS = [GemeenteError, CatalogError, SettingsError, ReportError];

/** Whether an error is one of a gemeente folder's own (a Dutch message naming file and line). */
export function isFolderError(error: unknown): error is Error {
	return FOLDER_ERRORS.some((kind) => error instanceof kind);
}

/**
 * What the site build would refuse in the folders of a release's gemeenten, before it starts: the
 * folder, its catalogues and settings, and every report's references to its catalogues, as
 * `npm run gemeente -- controleer` checks them. Each error names its file and line.
 */
export function siteFolderErrors(options: { manifest: Manifest; gemeentenDir: string }): string[] {
	const { manifest, gemeentenDir } = options;
	const ledger = manifest.tables['baten_lasten'];
	const errors: string[] = [];
	for (const { code, name } of manifest.gemeenten) {
		try {
			const gemeente = loadGemeente({ gemeentenDir, code, name });
			if (gemeente.settingsFile)
				parseFinanceSettings({
					text: readFileSync(gemeente.settingsFile, 'utf8'),
					file: relative(process.cwd(), gemeente.settingsFile)
				});
			const hasLedger =
				!!ledger &&
				(!ledger.partitionBy.includes('gemeente') ||
					ledger.files.some((f) => f.partition['gemeente'] === code));
			for (const source of gemeente.reports)
				errors.push(...reportReferenceErrors({ source, catalogs: gemeente.catalogs, hasLedger }));
		} catch (error) {
			if (!isFolderError(error)) throw error;
			errors.push(error.message);
		}
	}
	return errors;
}

/** The release's manifest in a published folder, or null when there is none yet. */
export function publishedManifest(publishedDir: string): Manifest | null {
	const path = join(publishedDir, 'manifest.json');
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : null;
}
