import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Temp folders DuckDB spills to: `koers-duckdb-<pid>-…` in the system's temp folder. */
const PREFIX = 'koers-duckdb-';

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * A fresh owner-only folder for DuckDB to spill to, named after this process. Spilled blocks hold rows
 * as read (like the converted copies), so the run removes the folder on every path; a run that was
 * killed cannot, and the next run removes the folders of processes that no longer exist.
 */
export async function spillFolder(base = tmpdir()): Promise<string> {
	for (const name of await readdir(base)) {
		const pid = new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1];
		if (pid && Number(pid) !== process.pid && !alive(Number(pid)))
			await rm(join(base, name), { recursive: true, force: true });
	}
	return mkdtemp(join(base, `${PREFIX}${process.pid}-`));
}
