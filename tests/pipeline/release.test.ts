import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../pipelines/run';
import { fixturePaths } from '../helpers/paths';

const snapshot = (dir: string) =>
	Object.fromEntries(
		readdirSync(dir)
			.sort()
			.map((f) => [f, readFileSync(join(dir, f)).toString('base64')])
	);

describe('release', () => {
	test('the same input gives a byte-identical release', async () => {
		const a = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		const b = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		await runPipeline({ paths: a, env: {} });
		await runPipeline({ paths: b, env: {} });
		expect(snapshot(b.published)).toEqual(snapshot(a.published));
	});

	test('a failed run leaves the previous release byte-identical', async () => {
		const good = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		await runPipeline({ paths: good, env: {} });
		const before = snapshot(good.published);
		const bad = { ...fixturePaths({ raw: 'tests/fixtures/pipeline/bad-date' }), published: good.published };
		await expect(runPipeline({ paths: bad, env: {} })).rejects.toThrow(/ongeldige datum/);
		expect(snapshot(good.published)).toEqual(before);
	});

	test('the published files hold no client numbers, respondent numbers or exact dates', async () => {
		const paths = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		await runPipeline({ paths, env: {} });
		for (const file of readdirSync(paths.published)) {
			const text = readFileSync(join(paths.published, file)).toString('latin1');
			expect(text).not.toMatch(/Z00000\d\d|R\d+;|\d{2}-\d{2}-20\d\d|2014-06-01/);
		}
	});

	test('real data without a pseudonym key is refused', async () => {
		const paths = fixturePaths({ raw: 'tests/fixtures/pipeline-real/real-no-key' });
		await expect(runPipeline({ paths, env: {} })).rejects.toThrow(/KOERS_PSEUDONYM_KEY/);
	});
});
