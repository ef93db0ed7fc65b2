import { expect } from 'vitest';
import { PipelineError } from '../../pipelines/errors';
import { runPipeline } from '../../pipelines/run';
import { snapshotFolder } from './files';
import { fixturePaths } from './paths';

/**
 * Runs a delivery that must be refused, over a release published before from the good fixture:
 * the run fails with a PipelineError and the previous release is left byte for byte as it was.
 */
export async function refusedKeepingRelease(
	raw: string,
	env: NodeJS.ProcessEnv = {}
): Promise<PipelineError> {
	const previous = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
	await runPipeline({ paths: previous, env: {} });
	const before = snapshotFolder(previous.published);
	const error = await runPipeline({
		paths: { ...fixturePaths({ raw }), published: previous.published },
		env
	}).then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(PipelineError);
	expect(snapshotFolder(previous.published)).toEqual(before);
	return error as PipelineError;
}
