import { describe, expect, test } from 'vitest';
import { judgeStreefdoel } from '../../src/lib/indicators/status';
import type { Observation, StatusKind } from '../../src/lib/indicators/types';
import { fixtureCases } from '../helpers/fixture-cases';

interface Case {
	streefdoel: Parameters<typeof judgeStreefdoel>[0]['streefdoel'];
	observations: Observation[];
	year: number | null;
	status: StatusKind;
	since: string | null;
}

describe('a status says which year it judges and how the figure moved since', () => {
	test.each(fixtureCases<Case>('tests/fixtures/indicators/status-year'))('%s', (_, c) => {
		const { judgement, since } = judgeStreefdoel({
			streefdoel: c.streefdoel,
			observations: c.observations,
			measured: true,
			year: c.year
		});
		expect(judgement.status).toBe(c.status);
		expect(since).toBe(c.since);
	});
});
