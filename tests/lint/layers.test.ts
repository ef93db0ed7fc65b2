import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

/**
 * The layer rule of eslint.config.js: one fixture folder per import, linted as if it stood at the
 * path in its case.json; an import in the wrong direction fails lint, the shared core does not.
 */
const root = 'tests/fixtures/layers';
const eslint = new ESLint();
const RULES = ['no-restricted-imports', 'no-restricted-syntax'];

describe('layers import in one direction', () => {
	test.each(readdirSync(root).sort())('%s', async (name) => {
		const { as, refused } = JSON.parse(readFileSync(join(root, name, 'case.json'), 'utf8')) as {
			as: string;
			refused: boolean;
		};
		const [result] = await eslint.lintText(readFileSync(join(root, name, 'source.ts.txt'), 'utf8'), {
			filePath: as
		});
		const layerErrors = result!.messages.filter((m) => RULES.includes(m.ruleId ?? ''));
		if (refused) {
			expect(layerErrors).toHaveLength(1);
			expect(layerErrors[0]!.message).toMatch(/never imports/);
		} else expect(layerErrors).toEqual([]);
	});
});
