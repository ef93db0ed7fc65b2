import type { ManifestFile, ManifestTable } from './manifest';
import type { QueryScope } from './query';

/**
 * The files of a table a query in `scope` needs: all of them without a scope, else the gemeente's own
 * partitions (and files not partitioned by gemeente). The browser loads exactly these; the parity
 * test loads the same, so a pruning mistake shows as different rows.
 */
export function filesInScope(table: ManifestTable, scope: QueryScope | undefined): ManifestFile[] {
	const gemeente = scope?.gemeente;
	if (!gemeente) return table.files;
	return table.files.filter(
		(f) => f.partition['gemeente'] === undefined || f.partition['gemeente'] === gemeente
	);
}
