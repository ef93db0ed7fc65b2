import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultPaths } from '../../pipelines/config';
import { checkGemeente } from '../../pipelines/gemeente';
import { runPipeline } from '../../pipelines/run';
import { publishedManifest, siteFolderErrors } from '../../src/lib/gemeente/site-check';
import { followTheGuide } from '../helpers/new-gemeente';
import { siteBuildEnv } from '../helpers/site';

const run = promisify(execFile);

/**
 * The guide's newcomer path (docs/nieuwe-gemeente.md) with the scaffold's report left in place: the
 * report is about programme 1, the gemeente's own catalogue only has programme 3. What `controleer`
 * passes builds (tests/gemeente/new-gemeente.test.ts); this folder it refuses, and so does the build,
 * with the same Dutch message naming file and line, and no stack trace.
 */
const CODE = 'GM9901';
const work = mkdtempSync(join(tmpdir(), 'koers-nieuwkomer-'));
const kit = mkdtempSync(resolve('.svelte-kit-test-'));
const paths = {
	...defaultPaths(resolve('.'), {}),
	gemeenten: join(work, 'gemeenten'),
	raw: join(work, 'raw'),
	warehouse: join(work, 'warehouse'),
	published: join(work, 'static', 'data')
};
const refusal =
	/rapporten\/programma-1\.md regel 23: geen catalogus voor GM9901, begroting 2024, programma 1/;

beforeAll(async () => {
	await followTheGuide({ paths, code: CODE, adaptReport: false });
}, 120_000);

afterAll(() => {
	rmSync(work, { recursive: true, force: true });
	rmSync(kit, { recursive: true, force: true });
});

describe('the scaffold report left in place beside a catalogue of another programme', () => {
	test('controleer refuses it, naming the report, the line and the missing catalogue', async () => {
		const findings = await checkGemeente({ paths, code: CODE });
		const errors = findings.filter((f) => f.kind === 'fout').map((f) => f.text);
		expect(errors).toHaveLength(2);
		expect(errors[0]).toMatch(refusal);
		expect(errors[1]).toMatch(/programma-1\.md regel 27: geen catalogus/);
	});

	test('the build refuses it with the same message, before prerendering and without a stack trace', async () => {
		await runPipeline({ paths, env: {} });
		mkdirSync(join(work, 'static'), { recursive: true });
		copyFileSync('static/favicon.svg', join(work, 'static', 'favicon.svg'));
		const build = run('npx', ['vite', 'build'], {
			env: siteBuildEnv({
				published: paths.published,
				gemeenten: paths.gemeenten,
				build: join(work, 'build'),
				kit
			})
		});
		const failed = (await build.then(
			() => null,
			(error: unknown) => error
		)) as { code: number; stdout: string; stderr: string } | null;
		expect(failed, 'the build should have been refused').not.toBeNull();
		expect(failed!.code).toBe(1);
		const output = failed!.stdout + failed!.stderr;
		// The build's check and controleer's say the same.
		const manifest = publishedManifest(paths.published)!;
		expect(siteFolderErrors({ manifest, gemeentenDir: paths.gemeenten })).toEqual(
			(await checkGemeente({ paths, code: CODE })).filter((f) => f.kind === 'fout').map((f) => f.text)
		);
		expect(output).toContain('De site is niet gebouwd: de gemeentemap klopt niet.');
		expect(output).toMatch(refusal);
		expect(output).not.toMatch(/\n\s+at /);
		expect(output).not.toContain('ReportError');
	}, 180_000);
});

test('the sample’s own folders pass the build’s check', () => {
	const manifest = publishedManifest('static/data');
	if (!manifest) throw new Error('no sample release: run "npm run data" first (npm test does this)');
	expect(siteFolderErrors({ manifest, gemeentenDir: resolve('data/gemeenten') })).toEqual([]);
});
