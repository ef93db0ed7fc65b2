import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCsvExport } from '../../pipelines/sources/csv-export';
import { loadTaakvelden as loadTaakveldReference } from '../../pipelines/sources/reference';
import { SOURCES } from '../../pipelines/sources/registry';
import type { Manifest } from '../../src/lib/db/manifest';
import { reconcile, rollUpTaakveld, type Check } from '../../src/lib/finance/reconcile';
import { statement } from '../../src/lib/finance/statement';
import { openNodeEngine } from '../../src/lib/db/node.server';
import { loadFinanceData, loadTaakvelden } from '../../src/lib/finance/view';

const root = 'tests/fixtures/finance';
const cases = readdirSync(root).sort();

interface Expected {
	about: string;
	year: number;
	tolerance?: number;
	failed: Partial<Check>[];
	withoutTolerance?: Partial<Check>[];
	notPerformed?: string[];
	statement?: { phase: 'primitieve begroting'; code: string } & Record<string, number | string>;
}

/** Reads a fixture folder's financial exports through the pipeline's own reader and publication. */
async function loadFixture(dir: string) {
	const engine = await openNodeEngine();
	const referenceDir = resolve('data/reference');
	await loadTaakveldReference({ engine, referenceDir });
	const tables: Record<string, unknown> = {};
	for (const source of SOURCES.filter((s) => s.stem.startsWith('fin_'))) {
		const path = join(dir, `${source.stem}.csv`);
		if (!existsSync(path)) continue;
		await loadCsvExport({ engine, path, file: path, schema: source.schema, maxQuarantineRate: 0 });
		const published = await source.aggregate({ engine, gemeente: 'GM0193', minRespondents: 30 });
		for (const [name, table] of Object.entries(published)) {
			await engine.run(`CREATE VIEW ${name} AS SELECT * FROM ${table}`);
			tables[name] = {};
		}
	}
	const manifest = { tables } as unknown as Manifest;
	const taakvelden = await loadTaakvelden({ engine, referenceDir });
	const data = await loadFinanceData({ engine, manifest, gemeente: 'GM0193', taakvelden });
	engine.close();
	return data;
}

const pick = (c: Check, like: Partial<Check>) =>
	Object.fromEntries(Object.keys(like).map((k) => [k, c[k as keyof Check]]));

describe('reconciliation fixtures', () => {
	test.each(cases)('%s', async (name) => {
		const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
		const data = await loadFixture(join(root, name));
		const result = reconcile({ data, year: expected.year, tolerance: expected.tolerance ?? 0 });
		expect(result.checks.length, 'checks were run').toBeGreaterThan(0);
		const failed = result.checks.filter((c) => !c.passed);
		// Exactly the expected flags, with their amounts: nothing more, nothing less.
		expect(failed.map((c) => `${c.group}: ${c.subject}: ${c.rule}`)).toHaveLength(expected.failed.length);
		expected.failed.forEach(({ message, ...fields }, i) => {
			const c = failed[i]!;
			expect(pick(c, fields), c.message).toEqual(fields);
			if (message) expect(c.message).toContain(message);
		});
		for (const c of failed) {
			// Every flag says what, where and how much, in Dutch.
			expect(c.message).toContain(c.subject);
			expect(c.message).toMatch(/verwacht|staat in|ontbreekt/);
		}
		if (expected.withoutTolerance) {
			const strict = reconcile({ data, year: expected.year, tolerance: 0 }).checks.filter((c) => !c.passed);
			expect(strict.map((c, i) => pick(c, expected.withoutTolerance![i]!))).toEqual(
				expected.withoutTolerance
			);
		}
		for (const missing of expected.notPerformed ?? []) {
			expect(result.notPerformed.join('\n')).toContain(missing);
		}
		if (!expected.notPerformed) expect(result.notPerformed).toEqual([]);
		if (expected.statement) {
			const { phase, code, ...amounts } = expected.statement;
			const line = statement({ ledger: data.ledger, year: expected.year, phase }).find(
				(l) => l.code === code
			);
			expect(line).toMatchObject(amounts);
		}
	});
});

describe('taakveld roll-up', () => {
	test('the 2023 sub-codes roll up to the code they succeed; renamed codes stay', async () => {
		const engine = await openNodeEngine();
		const taakvelden = await loadTaakvelden({ engine, referenceDir: resolve('data/reference') });
		engine.close();
		const up = (code: string) => rollUpTaakveld({ code, taakvelden });
		expect(up('6.71a')).toBe('6.71');
		expect(up('6.71d')).toBe('6.71');
		expect(up('6.73a')).toBe('6.72');
		expect(up('6.74c')).toBe('6.72');
		expect(up('6.81a')).toBe('6.81');
		expect(up('6.82b')).toBe('6.82');
		expect(up('6.2')).toBe('6.2');
		expect(up('6.71')).toBe('6.71');
	});
});
