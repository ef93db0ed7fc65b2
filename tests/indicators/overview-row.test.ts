import { describe, expect, test } from 'vitest';
import { overviewRow } from '../../src/lib/indicators/overview-row';
import { fixtureCases } from '../helpers/fixture-cases';

interface Case {
	input: Parameters<typeof overviewRow>[0];
	expected: ReturnType<typeof overviewRow>;
}

describe("a streefdoel's line in the programme overview", () => {
	test.each(fixtureCases<Case>('tests/fixtures/indicators/overview-row'))('%s', (_, c) => {
		expect(overviewRow(c.input)).toEqual(c.expected);
	});
});
