import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Temp folders for one test file, all removed after its tests (they may hold planted identifiers). */
export function tempFolders(): { temp: (prefix: string) => string; made: string[] } {
	const made: string[] = [];
	afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
	return {
		made,
		temp: (prefix) => {
			const dir = mkdtempSync(join(tmpdir(), prefix));
			made.push(dir);
			return dir;
		}
	};
}
