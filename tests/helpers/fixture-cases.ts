import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The cases of a fixture folder, one sub-folder per case, each with a `case.json` (input and expected). */
export function fixtureCases<T>(root: string): [string, T][] {
	return readdirSync(root)
		.sort()
		.map((name) => [name, JSON.parse(readFileSync(join(root, name, 'case.json'), 'utf8')) as T]);
}
