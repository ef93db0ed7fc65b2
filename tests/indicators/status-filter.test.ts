import { describe, expect, test } from 'vitest';
import { countStatuses } from '../../src/lib/indicators/status-counts';
import { statusFilter } from '../../src/lib/indicators/status-filter';

const counts = countStatuses({ statuses: ['behaald', 'niet behaald', 'niet behaald'] });

describe('the status filter named by the URL hash', () => {
	test('names the status and how many are shown', () => {
		expect(statusFilter({ hash: '#status-niet-behaald', counts })).toEqual({
			status: 'niet behaald',
			text: '2 streefdoelen met status niet behaald getoond.'
		});
		expect(statusFilter({ hash: '#status-behaald', counts })?.text).toBe(
			'1 streefdoel met status behaald getoond.'
		);
		expect(statusFilter({ hash: '#status-op-koers', counts })?.text).toBe(
			'Geen streefdoelen met status op koers.'
		);
	});

	test('any other hash filters nothing', () => {
		for (const hash of ['', '#overzicht-streefdoelen', '#status-', '#mo-participatie'])
			expect(statusFilter({ hash, counts })).toBeNull();
	});
});
