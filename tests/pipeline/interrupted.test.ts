import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../pipelines/run';
import type { Manifest } from '../../src/lib/db/manifest';
import { PUBLISH_FAILPOINTS } from '../../pipelines/failpoints';
import { fixturePaths } from '../helpers/paths';
import { tempFolders } from '../helpers/temp';

const { temp } = tempFolders();

/** The manifest and every file it references, checked against their checksums. */
function release(dir: string): { manifest: string; files: Record<string, string> } {
	const manifest = readFileSync(join(dir, 'manifest.json'), 'utf8');
	const files: Record<string, string> = {};
	for (const t of Object.values((JSON.parse(manifest) as Manifest).tables)) {
		for (const f of t.files) {
			const bytes = readFileSync(join(dir, f.path));
			expect(createHash('sha256').update(bytes).digest('hex'), `${f.path} matches its checksum`).toBe(
				f.sha256
			);
			files[f.path] = bytes.toString('base64');
		}
	}
	return { manifest, files };
}

/**
 * Runs the pipeline CLI in a child process that kills itself (SIGKILL) at the named failpoint, and
 * says whether it got there (a run that never reaches the point exits normally).
 */
function runAndKill(options: {
	raw: string;
	published: string;
	warehouse: string;
	failpoint: string;
}): Promise<{ killed: boolean; stderr: string }> {
	return new Promise((done) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', 'run'], {
			env: {
				...process.env,
				KOERS_RAW_DIR: resolve(options.raw),
				KOERS_PUBLISHED_DIR: options.published,
				// Its own warehouse: two runs at once must not share working files.
				KOERS_WAREHOUSE_DIR: options.warehouse,
				KOERS_FAILPOINT: options.failpoint
			},
			stdio: ['ignore', 'ignore', 'pipe']
		});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('exit', (_code, signal) => done({ killed: signal === 'SIGKILL', stderr }));
	});
}

describe('an interrupted run', () => {
	test('killed at every stage and every step of publishing, it leaves the previous release or the complete new one', async () => {
		const paths = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		await runPipeline({ paths, env: {} });
		const previous = release(paths.published);
		// The new input differs, so a half-switched release would show.
		const raw = 'tests/fixtures/pipeline/quarantine-row';
		const next = fixturePaths({ raw });
		const run = await runPipeline({ paths: next, env: {} });
		const complete = release(next.published);
		expect(complete.manifest).not.toBe(previous.manifest);

		// Every stage of the run report (killed at its end) and every publishing step, in run order.
		const points = [
			...Object.keys(run.stages)
				.filter((stage) => stage !== 'publiceren')
				.map((stage) => `stage:${stage}`),
			...PUBLISH_FAILPOINTS,
			'stage:publiceren'
		];
		expect(points.length).toBeGreaterThanOrEqual(10);
		// Before the manifest is switched the previous release stands; from the switch on, the new one.
		const expected = (point: string) =>
			point === 'publish:switched' || point === 'stage:publiceren' ? 'new' : 'previous';
		const outcomes = await mapTwoAtATime(points, async (point) => {
			// Each kill on its own copy of the previous release, so two can run at once.
			const dir = temp('koers-interrupted-');
			const published = join(dir, 'published');
			cpSync(paths.published, published, { recursive: true });
			const run = await runAndKill({ raw, published, warehouse: join(dir, 'warehouse'), failpoint: point });
			expect(run.killed, `the run reached ${point}; it said:\n${run.stderr}`).toBe(true);
			const now = release(published);
			const which =
				now.manifest === previous.manifest
					? 'previous'
					: now.manifest === complete.manifest
						? 'new'
						: 'mixed';
			expect(now, `after a kill at ${point}`).toEqual(which === 'new' ? complete : previous);
			return [point, which] as const;
		});
		expect(Object.fromEntries(outcomes)).toEqual(Object.fromEntries(points.map((p) => [p, expected(p)])));
	}, 180_000);
});

/** Maps with at most two calls running at once (two cores). */
async function mapTwoAtATime<T, R>(items: T[], f: (item: T) => Promise<R>): Promise<R[]> {
	const out: R[] = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			out[i] = await f(items[i]!);
		}
	};
	await Promise.all([worker(), worker()]);
	return out;
}
