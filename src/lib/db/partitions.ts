import type { ManifestFile, ManifestTable } from './manifest';
import type { QueryScope } from './query';

/**
 * The files of a table a query in `scope` needs: all of them without a scope, else the partitions of
 * the scope's gemeente (or indicator) and the files not partitioned on that key. The browser loads
 * exactly these; the parity test loads the same, so a pruning mistake shows as different rows.
 */
export function filesInScope(table: ManifestTable, scope: QueryScope | undefined): ManifestFile[] {
	const keys = Object.entries(scope ?? {}).filter(([, v]) => v !== undefined) as [keyof QueryScope, string][];
	if (keys.length === 0) return table.files;
	return table.files.filter((f) =>
		keys.every(([k, v]) => f.partition[k] === undefined || f.partition[k] === v)
	);
}

/** The scope as a cache key: every key it holds, so a new kind of partition cannot be left out. */
export function scopeKey(scope: QueryScope | undefined): string {
	return Object.entries(scope ?? {})
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
}
