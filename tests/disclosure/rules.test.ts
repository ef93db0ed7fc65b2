import { describe, expect, test } from 'vitest';
import { discloseCount, discloseCountSql, surveyPublishable } from '../../src/lib/disclosure/rules';
import { findIdentifiers, isBsn } from '../../src/lib/disclosure/identifiers';
import { openNodeEngine } from '../../src/lib/db/node.server';

describe('disclosure rule', () => {
	test.each([
		[0, null],
		[7, null],
		[8, 10],
		[12, 10],
		[13, 15],
		[3385, 3385],
		[1299, 1300]
	])('%i persons → %s', (n, published) => {
		expect(discloseCount(n)).toBe(published);
	});

	test('the SQL rule agrees with the TypeScript rule on 0–10.000', async () => {
		const engine = await openNodeEngine();
		try {
			const rows = await engine.query<{ n: number; p: number | null }>(
				`SELECT CAST(n AS INTEGER) AS n, ${discloseCountSql('n')} AS p FROM range(0, 10001) t(n) ORDER BY n`
			);
			expect(rows).toHaveLength(10001);
			for (const { n, p } of rows) expect(p, `count ${n}`).toBe(discloseCount(n));
		} finally {
			engine.close();
		}
	});

	test('survey threshold', () => {
		expect(surveyPublishable(29)).toBe(false);
		expect(surveyPublishable(30)).toBe(true);
	});
});

describe('identifiers', () => {
	test('the BSN 11-proef', () => {
		expect(isBsn('111222333')).toBe(true);
		expect(isBsn('123456782')).toBe(true);
		expect(isBsn('123456789')).toBe(false);
		expect(isBsn('12345678')).toBe(false);
	});
	test('finds BSNs, postcodes and exact dates in text', () => {
		expect(findIdentifiers('client 111222333 woont op 8011 AB sinds 01-02-1950')).toEqual([
			'BSN-achtig nummer 111222333',
			'postcode 8011 AB',
			'exacte datum 01-02-1950'
		]);
		expect(findIdentifiers('BU01931000 WK019310 2016')).toEqual([]);
	});
});
