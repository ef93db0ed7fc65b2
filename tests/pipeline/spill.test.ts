import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../pipelines/run';
import { spillFolder } from '../../pipelines/spill';
import { fixturePaths } from '../helpers/paths';
import { tempFolders } from '../helpers/temp';

const { temp } = tempFolders();

describe("DuckDB's spill folder", () => {
	test('is owner-only and named after the process; the folders of killed runs are removed, live ones kept', async () => {
		const base = temp('koers-spill-base-');
		// A pid no process has (above Linux's pid_max), and this test's parent: alive.
		const dead = join(base, 'koers-duckdb-4194399-abc');
		const live = join(base, `koers-duckdb-${process.ppid}-def`);
		for (const d of [dead, live]) mkdirSync(join(d, 'blocks'), { recursive: true });
		const own = await spillFolder(base);
		expect(own.startsWith(join(base, `koers-duckdb-${process.pid}-`))).toBe(true);
		expect(statSync(own).mode & 0o777).toBe(0o700);
		expect(existsSync(dead)).toBe(false);
		expect(existsSync(live)).toBe(true);
		expect(readdirSync(base).sort()).toEqual([own, live].map((d) => d.slice(base.length + 1)).sort());
	});
});

describe('a pipeline run and its spill folder', () => {
	const own = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`koers-duckdb-${process.pid}-`));

	test('is gone after a run that publishes and after one that is refused', async () => {
		const raw = temp('koers-spill-raw-');
		cpSync('tests/fixtures/pipeline/good', raw, { recursive: true });
		const paths = fixturePaths({ raw });
		await runPipeline({ paths, env: {} });
		expect(own()).toEqual([]);
		cpSync('tests/fixtures/cbs/no-dataproperties/86050NED', join(raw, 'cbs/86050NED'), { recursive: true });
		await expect(runPipeline({ paths, env: {} })).rejects.toThrow(/DataProperties\.json ontbreekt/);
		expect(own()).toEqual([]);
	});
});
