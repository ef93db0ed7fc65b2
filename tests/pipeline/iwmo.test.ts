import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { iwmoToCsv } from '../../pipelines/sources/messages/iwmo';

/** Release 2.0 (the national example messages); release 3.2 is covered by messages.test.ts. */
describe('iWmo 2.0 messages', () => {
	// The converted CSV holds the (example) BSNs: removed after each test, as the pipeline does.
	const converted: string[] = [];
	afterEach(() => converted.splice(0).forEach((p) => rmSync(dirname(p), { recursive: true, force: true })));

	test('the national example messages: toewijzing with stop, intrekking and herindicatie', async () => {
		const postcodes = new Map([
			['1234AB', 'BU01931000'],
			['1414EB', 'BU01931010']
		]);
		const result = await iwmoToCsv({
			dir: 'tests/fixtures/iwmo-voorbeeldberichten',
			file: 'voorbeelden',
			postcodes,
			deliveryDate: '2017-01-31'
		});
		converted.push(result.csvPath);
		expect(result.messages).toBe(11);
		expect(result.issues).toEqual([]);
		expect(readFileSync(result.csvPath, 'utf8').trim().split(/\r?\n/).slice(1)).toEqual([
			// Casus B: toewijzing huishoudelijke hulp (01), stopped by a WMO307 on 02-10-2016, reden 02.
			'123456782;BU01931000;18-44;HH;ZIN;07-03-2016;02-10-2016;02',
			// Casus A (and C, same example BSN and product): the latest WMO301, an intrekking, ends it on 07-11-2016.
			'123456782;BU01931000;18-44;DB;ZIN;15-02-2016;07-11-2016;',
			// Casus C: the herindicatie is a new toewijzing from 10-10-2016, planned end before the delivery date.
			'123456782;BU01931010;18-44;DB;ZIN;10-10-2016;31-12-2016;'
		]);
	});

	test('an unknown postcode is quarantined with the message file named, never dropped', async () => {
		const result = await iwmoToCsv({
			dir: 'tests/fixtures/iwmo-voorbeeldberichten',
			file: 'voorbeelden',
			postcodes: new Map([['1234AB', 'BU01931000']]),
			deliveryDate: '2017-01-31'
		});
		converted.push(result.csvPath);
		expect(result.skipped).toBe(1);
		expect(result.issues.map((i) => `${i.file}: ${i.message}`)).toEqual([
			'voorbeelden/CasusC-02-WMO301_herindicatie.xml: postcode 1414EB staat niet in postcode_buurt.csv: vul de koppeltabel aan'
		]);
	});
});
