import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below a folder, by relative path, with its bytes: for byte-identical comparisons. */
export function snapshotFolder(dir: string): Record<string, Buffer> {
	const out: Record<string, Buffer> = {};
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		out[path.slice(dir.length + 1)] = readFileSync(path);
	}
	return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
