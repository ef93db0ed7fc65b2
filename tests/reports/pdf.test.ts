import { describe, expect, test } from 'vitest';
import { PDF_STEP_ENV, pdfFileName, pdfPlan } from '../../src/lib/reports/pdf';

describe('pdfPlan: a report page links a PDF only when the build writes it', () => {
	test('npm run build with Chromium writes the PDFs', () => {
		expect(pdfPlan({ env: { [PDF_STEP_ENV]: '1' }, chromium: true })).toEqual({ kind: 'written' });
	});

	test('without Chromium the page says so instead of linking', () => {
		const plan = pdfPlan({ env: { [PDF_STEP_ENV]: '1' }, chromium: false });
		expect(plan.kind).toBe('missing');
		expect(plan.kind === 'missing' && plan.reason).toContain('Chromium');
	});

	test('a bare vite build (no PDF step) links no PDF, Chromium or not', () => {
		expect(pdfPlan({ env: {}, chromium: true }).kind).toBe('missing');
	});

	test('file names of the begroting and the jaarverslag variants', () => {
		expect(pdfFileName({ name: 'programma-12', year: null })).toBe('programma-12.pdf');
		expect(pdfFileName({ name: 'programma-12', year: 2024 })).toBe('programma-12-jaarverslag-2024.pdf');
	});
});
