import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

describe('a gemeente brings data, Koers brings code', () => {
	test('no product source outside the sample generator names a gemeente code or a sample gemeente', () => {
		// git grep over the tracked product sources; exit status 1 means "no match", which is what we want.
		let found = '';
		try {
			found = execFileSync(
				'git',
				['grep', '-nE', 'GM[0-9]{4}|Zwolle|Groningen', '--', 'src', 'pipelines', ':!pipelines/synth'],
				{ encoding: 'utf8' }
			);
		} catch (error) {
			const status = (error as { status?: number }).status;
			if (status !== 1) throw error;
		}
		expect(found, 'move these to a gemeente folder (data/gemeenten/<code>/) or to the sample generator').toBe(
			''
		);
	});
});
