import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every test run gets a temporary folder of its own as TMPDIR (workers and the processes they start
 * inherit it), removed when the run ends: fixtures with planted identifiers, copies of the sample,
 * temporary releases and builds never stay behind in the machine's temp folder.
 */
export default function setup(): () => void {
	const dir = mkdtempSync(join(tmpdir(), 'koers-test-run-'));
	process.env['TMPDIR'] = dir;
	return () => rmSync(dir, { recursive: true, force: true });
}
