import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';

const GOLDEN = 'tests/charts/golden';

/** A document to draw charts into outside a browser. */
export const chartDocument = () =>
	parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

/**
 * Compares a chart's markup with its golden SVG in tests/charts/golden. A missing golden fails (so a
 * chart nobody looked at cannot pass); `UPDATE_GOLDEN=1 npx vitest run tests/charts` writes them.
 */
export function expectGolden(name: string, markup: string): void {
	const path = join(GOLDEN, `${name}.svg`);
	if (process.env.UPDATE_GOLDEN) {
		mkdirSync(GOLDEN, { recursive: true });
		writeFileSync(path, markup + '\n');
	}
	if (!existsSync(path))
		throw new Error(
			`no golden SVG ${path}: look at the chart, then write it with UPDATE_GOLDEN=1 npx vitest run tests/charts`
		);
	expect(markup + '\n', `${path} differs (UPDATE_GOLDEN=1 rewrites it after you have looked)`).toBe(
		readFileSync(path, 'utf8')
	);
}
