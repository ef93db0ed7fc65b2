import { describe, expect, test } from 'vitest';
import { amountLabels, describeConvention, type SignConvention } from '../../src/lib/finance/statement';
import type { Phase } from '../../src/lib/finance/types';
import { fixtureCases } from '../helpers/fixture-cases';

interface Case {
	phase: Phase;
	resultaat: string;
	convention: Record<SignConvention, string>;
}

describe('headings follow the budget phase', () => {
	test.each(fixtureCases<Case>('tests/fixtures/finance-phase-headings'))('%s', (_, c) => {
		expect(amountLabels(c.phase).resultaat).toBe(c.resultaat);
		for (const [convention, text] of Object.entries(c.convention))
			expect(describeConvention({ convention: convention as SignConvention, phase: c.phase })).toBe(text);
	});
});
