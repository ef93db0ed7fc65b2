import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../pipelines/run';
import type { Manifest } from '../../src/lib/db/manifest';
import { fixturePaths } from '../helpers/paths';

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

/** Starts the pipeline CLI in a child process and kills it after `ms` milliseconds. */
function runAndKill(options: { raw: string; published: string; ms: number }): Promise<void> {
	return new Promise((done) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', 'run'], {
			env: { ...process.env, KOERS_RAW_DIR: resolve(options.raw), KOERS_PUBLISHED_DIR: options.published },
			stdio: 'ignore'
		});
		const timer = setTimeout(() => child.kill('SIGKILL'), options.ms);
		child.on('exit', () => {
			clearTimeout(timer);
			done();
		});
	});
}

describe('an interrupted run', () => {
	test('leaves either the previous release or the complete new one, never a mix', async () => {
		const paths = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		await runPipeline({ paths, env: {} });
		const previous = release(paths.published);
		// The new input differs, so a half-switched release would show.
		const next = fixturePaths({ raw: 'tests/fixtures/pipeline/quarantine-row' });
		await runPipeline({ paths: next, env: {} });
		const complete = release(next.published);
		expect(complete.manifest).not.toBe(previous.manifest);

		const outcomes = new Set<string>();
		for (const ms of [150, 400, 700, 900, 1100, 1300, 1600, 2500]) {
			await runAndKill({ raw: 'tests/fixtures/pipeline/quarantine-row', published: paths.published, ms });
			expect(existsSync(join(paths.published, 'manifest.json'))).toBe(true);
			const now = release(paths.published);
			const same =
				now.manifest === previous.manifest
					? 'previous'
					: now.manifest === complete.manifest
						? 'new'
						: 'mixed';
			expect(same, `after a kill at ${ms} ms`).not.toBe('mixed');
			expect(now).toEqual(same === 'previous' ? previous : complete);
			outcomes.add(same);
			if (same === 'new') {
				// Restore the previous release for the next attempt.
				await runPipeline({ paths, env: {} });
			}
		}
		// At least one kill landed before the switch, so the test did exercise an interrupted run.
		expect(outcomes.has('previous')).toBe(true);
	}, 120_000);
});
