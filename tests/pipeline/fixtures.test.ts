import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../pipelines/run';
import { formatIssue, PipelineError } from '../../pipelines/errors';
import { openRelease } from '../../src/lib/db/node.server';
import { fixturePaths } from '../helpers/paths';

const root = 'tests/fixtures/pipeline';
const cases = readdirSync(root).sort();

interface Expected {
	ok: boolean;
	options?: { maxQuarantineRate?: number };
	/** per input file: rows read, published and quarantined */
	sources?: Record<string, { rows: number; published: number; quarantined: number }>;
	messages?: string[];
	rows?: Record<string, number>;
	cells?: { table: string; where: string; column: string; value: number | null }[];
}

describe('pipeline fixtures', () => {
	test.each(cases)('%s', async (name) => {
		const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
		const paths = fixturePaths({ raw: join(root, name) });
		if (!expected.ok) {
			const error = await runPipeline({ paths, env: {}, ...expected.options }).then(
				() => null,
				(e: unknown) => e
			);
			expect(error, 'the run must fail').toBeInstanceOf(PipelineError);
			for (const m of expected.messages ?? []) expect((error as Error).message).toContain(m);
			expect(readdirSync(paths.published), 'nothing may be published').toEqual([]);
			return;
		}
		const report = await runPipeline({ paths, env: {}, ...expected.options });
		// Nothing lost silently: rows in = rows published + rows quarantined, in the report and manifest.
		for (const s of report.sources) expect(s.published + s.quarantined).toBe(s.rows);
		for (const s of report.manifest.sources) expect(s.published + s.quarantined).toBe(s.rows);
		const reported = report.sources.flatMap((s) => [s.format, ...s.issues.map(formatIssue)]).join('\n');
		for (const m of expected.messages ?? []) expect(reported).toContain(m);
		for (const [file, counts] of Object.entries(expected.sources ?? {})) {
			expect(report.manifest.sources.find((s) => s.file.endsWith(file))).toMatchObject(counts);
		}
		const { engine } = await openRelease({ publishedDir: paths.published });
		try {
			for (const [table, rows] of Object.entries(expected.rows ?? {}))
				expect(report.manifest.tables[table]?.rows).toBe(rows);
			for (const cell of expected.cells ?? []) {
				const found = await engine.query(`SELECT ${cell.column} AS v FROM ${cell.table} WHERE ${cell.where}`);
				expect(found, `${cell.table} where ${cell.where}`).toHaveLength(1);
				const v = found[0]!.v;
				if (typeof cell.value === 'number' && typeof v === 'number') expect(v).toBeCloseTo(cell.value, 6);
				else expect(v).toBe(cell.value);
			}
		} finally {
			engine.close();
		}
	});
});
