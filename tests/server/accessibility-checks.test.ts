import { describe, expect, test } from 'vitest';
import { checkStatuses } from '../../src/lib/server/accessibility-checks';

describe('the verklaring claims only the checks this repository runs', () => {
	test('every check the verklaring lists is run by a test here', () => {
		const untested = checkStatuses({ testsDir: 'tests' })
			.filter((check) => !check.tested)
			.map((check) => check.name);
		expect(untested, 'a check listed in the verklaring lost its test, or its evidence pattern').toEqual([]);
	});

	test('a check whose evidence no test holds is not claimed', () => {
		const statuses = checkStatuses({ testsDir: 'tests/fixtures/does-not-exist' });
		expect(statuses.length).toBeGreaterThan(5);
		expect(statuses.every((check) => !check.tested)).toBe(true);
	});
});
