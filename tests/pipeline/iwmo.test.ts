import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../pipelines/run';
import { IWMO_CATEGORIES, iwmoToCsv } from '../../pipelines/sources/iwmo';
import { fixturePaths } from '../helpers/paths';

const NS = 'xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"';
const category = Object.fromEntries(Object.entries(IWMO_CATEGORIES).map(([c, v]) => [v, c]));
const iso = (ddmmyyyy: string) => ddmmyyyy.split('-').reverse().join('-');
/** A birth date that puts a client in the age band at the start date. */
const birthFor = (band: string, start: string) =>
	`${Number(start.slice(0, 4)) - ({ '0-17': 10, '18-44': 30, '45-64': 55, '65-74': 70, '75-84': 80, '85+': 90 } as Record<string, number>)[band]!}-01-01`;

/** iWmo WMO301 and WMO307 messages equivalent to a WMO CSV export, with a postcode per buurt. */
function messagesFor(csv: string): { wmo301: string; wmo307: string; postcodes: string } {
	const rows = csv
		.trim()
		.split(/\r?\n/)
		.slice(1)
		.map((l) => l.split(';'));
	const buurten = [...new Set(rows.map((r) => r[1]!))];
	const postcode = (b: string) => `80${String(11 + buurten.indexOf(b)).padStart(2, '0')}AA`;
	const client = (prefix: string, r: string[], body: string) => `
		<${prefix}:Client><${prefix}:Bsn>${r[0]}</${prefix}:Bsn>
			<${prefix}:Geboortedatum><iwmo:Datum>${birthFor(r[2]!, iso(r[5]!))}</iwmo:Datum></${prefix}:Geboortedatum>
			<${prefix}:Adressen><${prefix}:Adres><${prefix}:Soort>01</${prefix}:Soort><${prefix}:Adres><iwmo:Postcode>${postcode(r[1]!)}</iwmo:Postcode></${prefix}:Adres></${prefix}:Adres></${prefix}:Adressen>
			${body}
		</${prefix}:Client>`;
	const product = (r: string[]) =>
		`<iwmo:Categorie>${category[r[3]!]}</iwmo:Categorie><iwmo:Code>${category[r[3]!]}A01</iwmo:Code>`;
	const toewijzingen = rows.map((r) =>
		client(
			'wmo301',
			r,
			`<wmo301:Beschikking><wmo301:ToegewezenProducten><wmo301:ToegewezenProduct>
			<wmo301:Product>${product(r)}</wmo301:Product><wmo301:Toewijzingsdatum>${iso(r[5]!)}</wmo301:Toewijzingsdatum>
			<wmo301:Ingangsdatum>${iso(r[5]!)}</wmo301:Ingangsdatum></wmo301:ToegewezenProduct></wmo301:ToegewezenProducten></wmo301:Beschikking>`
		)
	);
	const stops = rows
		.filter((r) => r[6])
		.map((r) =>
			client(
				'wmo307',
				r,
				`<wmo307:StopProducten><wmo307:StopProduct><wmo307:Product>${product(r)}</wmo307:Product>
				<wmo307:Ingangsdatum>${iso(r[5]!)}</wmo307:Ingangsdatum><wmo307:RedenBeeindiging>${r[7]}</wmo307:RedenBeeindiging>
				<wmo307:Einddatum>${iso(r[6]!)}</wmo307:Einddatum></wmo307:StopProduct></wmo307:StopProducten>`
			)
		);
	const message = (kind: string, code: number, clients: string[]) =>
		`<?xml version="1.0" encoding="UTF-8"?>\n<${kind}:Bericht xmlns:${kind}="http://www.istandaarden.nl/iwmo/3_2/${kind}/schema" ${NS}>
		<${kind}:Header><${kind}:Berichtspecificatie><iwmo:Code>${code}</iwmo:Code></${kind}:Berichtspecificatie></${kind}:Header>
		<${kind}:Clienten>${clients.join('')}</${kind}:Clienten></${kind}:Bericht>\n`;
	return {
		wmo301: message('wmo301', 414, toewijzingen),
		wmo307: message('wmo307', 420, stops),
		postcodes: ['postcode;buurtcode', ...buurten.map((b) => `${postcode(b)};${b}`)].join('\n') + '\n'
	};
}

describe('iWmo messages', () => {
	test('a folder of WMO301 and WMO307 messages yields the same published WMO table as the CSV export', async () => {
		const csvRun = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		const csv = await runPipeline({ paths: csvRun, env: {} });

		const raw = mkdtempSync(join(tmpdir(), 'koers-iwmo-'));
		cpSync('tests/fixtures/pipeline/good', raw, { recursive: true });
		const dir = join(raw, 'GM0193');
		const m = messagesFor(readFileSync(join(dir, 'wmo_voorzieningen.csv'), 'utf8'));
		rmSync(join(dir, 'wmo_voorzieningen.csv'));
		mkdirSync(join(dir, 'iwmo'));
		writeFileSync(join(dir, 'iwmo', '0001-WMO301.xml'), m.wmo301);
		writeFileSync(join(dir, 'iwmo', '0002-WMO307.xml'), m.wmo307);
		writeFileSync(join(dir, 'postcode_buurt.csv'), m.postcodes);
		const xml = await runPipeline({ paths: fixturePaths({ raw }), env: {} });

		expect(xml.manifest.tables['wmo_clienten']!.files[0]!.sha256).toBe(
			csv.manifest.tables['wmo_clienten']!.files[0]!.sha256
		);
		expect(xml.sources.find((s) => s.file.endsWith('iwmo'))).toMatchObject({
			rows: 14,
			published: 14,
			quarantined: 0
		});
		expect(xml.sources.find((s) => s.file.endsWith('iwmo'))?.format).toContain('iWmo-berichten (2 bestanden');
	});

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
		expect(result.skipped).toBe(1);
		expect(result.issues.map((i) => `${i.file}: ${i.message}`)).toEqual([
			'voorbeelden/CasusC-02-WMO301_herindicatie.xml: postcode 1414EB staat niet in postcode_buurt.csv: vul de koppeltabel aan'
		]);
	});
});
