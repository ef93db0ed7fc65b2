import { describe, expect, test } from 'vitest';
import { menuSections } from '../../src/lib/gemeente/menu';

const labels = (finance: boolean, reports: boolean) => menuSections({ finance, reports }).map((s) => s.label);

describe('the menu offers only what the site has', () => {
	test('Financiën only with a ledger, Rapporten only with a report', () => {
		expect(labels(true, true)).toEqual([
			'Start',
			'Overzicht',
			'Vergelijk',
			'Verkenner',
			'Financiën',
			'Rapporten'
		]);
		expect(labels(false, true)).toEqual(['Start', 'Overzicht', 'Vergelijk', 'Verkenner', 'Rapporten']);
		expect(labels(true, false)).toEqual(['Start', 'Overzicht', 'Vergelijk', 'Verkenner', 'Financiën']);
		expect(labels(false, false)).toEqual(['Start', 'Overzicht', 'Vergelijk', 'Verkenner']);
	});
});
