import { describe, expect, test } from 'vitest';
import { countStatuses } from '../../src/lib/indicators/status-counts';
import type { StatusKind } from '../../src/lib/indicators/types';
import { fixtureCases } from '../helpers/fixture-cases';

interface Case {
	statuses: StatusKind[];
	counts: Record<StatusKind, number>;
	total: number;
	text: string;
}

describe('status counts add up to the streefdoelen, onbekend included', () => {
	test.each(fixtureCases<Case>('tests/fixtures/indicators/status-counts'))('%s', (_, c) => {
		const counted = countStatuses({ statuses: c.statuses });
		expect(Object.fromEntries(counted.counts.map((x) => [x.status, x.n]))).toEqual(c.counts);
		expect(counted.total).toBe(c.total);
		expect(counted.counts.reduce((n, x) => n + x.n, 0)).toBe(counted.total);
		expect(counted.text).toBe(c.text);
	});
});
