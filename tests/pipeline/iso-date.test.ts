import { describe, expect, test } from 'vitest';
import { isoDay, latestDate, onOrBefore } from '../../pipelines/sources/iso-date';

describe('dates compared as dates', () => {
	test('a planned end on or before the delivery date has ended; after it, it still runs', () => {
		expect(onOrBefore('2025-01-31', '2025-01-31')).toBe(true);
		expect(onOrBefore('2024-12-31', '2025-01-31')).toBe(true);
		expect(onOrBefore('2025-02-01', '2025-01-31')).toBe(false);
	});

	test('a date in another notation is no date, never silently earlier or later', () => {
		// As text, "31-01-2025" sorts before every ISO date of this century and would end every toewijzing.
		expect(isoDay('31-01-2025')).toBeNaN();
		expect(onOrBefore('2024-06-30', '31-01-2025')).toBe(false);
		expect(onOrBefore('31-01-2025', '2024-06-30')).toBe(false);
		expect(isoDay('2025-02-30')).toBeNaN();
	});

	test('the latest date ignores a gemeente without one', () => {
		expect(latestDate(['2025-01-31', null, '2024-12-31'])).toBe('2025-01-31');
		expect(latestDate([null, null])).toBeNull();
	});
});
