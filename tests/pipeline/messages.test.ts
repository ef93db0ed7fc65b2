import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatIssue, PipelineError } from '../../pipelines/errors';
import { runPipeline, type RunReport } from '../../pipelines/run';
import { validateAgainstSchema } from '../../pipelines/sources/messages/standard';
import { wmoRowsInMessages, writeMessages } from '../../pipelines/synth/messages';
import { fixturePaths } from '../helpers/paths';
import { tempFolders } from '../helpers/temp';
import { refusedKeepingRelease } from '../helpers/refused';

/**
 * iWmo and iJw release 3.2: messages written from the same registrations as a CSV export, every one
 * valid against its XSD, give byte-identical published tables; defective deliveries are refused
 * with the file, the line or element and what to do, and leave the previous release untouched.
 */

const GOOD = 'tests/fixtures/pipeline/good';
const XSD = 'data/reference/istandaarden';
const { temp } = tempFolders();

/** The good fixture, with the WMO export reduced to what iWmo traffic carries (zorg in natura). */
function csvDelivery(): string {
	const raw = temp('koers-msg-csv-');
	cpSync(GOOD, raw, { recursive: true });
	const wmo = join(raw, 'GM0193', 'wmo_voorzieningen.csv');
	const text = readFileSync(wmo, 'utf8');
	const header = text.split(/\r?\n/)[0]!;
	const rows = wmoRowsInMessages(text).map((r) => Object.values(r).join(';'));
	writeFileSync(wmo, [header, ...rows].join('\r\n') + '\r\n');
	return raw;
}

/** The same registrations as iwmo/ and ijw/ message folders with a postcode table. */
async function messageDelivery(from: string): Promise<string> {
	const raw = temp('koers-msg-xml-');
	cpSync(from, raw, { recursive: true });
	const dir = join(raw, 'GM0193');
	for (const [standard, stem] of [
		['iwmo', 'wmo_voorzieningen'],
		['ijw', 'jeugdhulp_trajecten']
	] as const) {
		const csv = join(dir, `${stem}.csv`);
		await writeMessages({
			standard,
			csv: readFileSync(csv, 'utf8'),
			dir: join(dir, standard),
			postcodeFile: join(dir, 'postcode_buurt.csv'),
			gemeente: 'GM0193',
			deliveryDate: '2016-01-31'
		});
		rmSync(csv);
	}
	return raw;
}

const tableHash = (run: RunReport, table: string) => run.manifest.tables[table]!.files.map((f) => f.sha256);

describe('iWmo and iJw 3.2 messages', () => {
	let csvRun: RunReport;
	let xmlRun: RunReport;
	let xmlRaw: string;
	let published: string;
	// A private temp folder for the runs, so converted copies left behind would be seen here only.
	let runTemp: string;
	let previousTmp: string | undefined;
	beforeAll(async () => {
		previousTmp = process.env['TMPDIR'];
		runTemp = temp('koers-msg-tmp-');
		process.env['TMPDIR'] = runTemp;
		const csvRaw = csvDelivery();
		csvRun = await runPipeline({ paths: fixturePaths({ raw: csvRaw }), env: {} });
		xmlRaw = await messageDelivery(csvRaw);
		const paths = fixturePaths({ raw: xmlRaw });
		published = paths.published;
		xmlRun = await runPipeline({ paths, env: {} });
		process.env['TMPDIR'] = previousTmp;
	}, 120_000);

	test('every generated message is valid against the XSD of its kind', async () => {
		for (const standard of ['iwmo', 'ijw']) {
			const dir = join(xmlRaw, 'GM0193', standard);
			const byKind = new Map<string, string[]>();
			for (const f of readdirSync(dir)) {
				const kind = /-(\w+)\.xml$/.exec(f)![1]!;
				byKind.set(kind, [...(byKind.get(kind) ?? []), join(dir, f)]);
			}
			expect([...byKind.keys()].sort()).toEqual(
				standard === 'iwmo' ? ['WMO301', 'WMO305', 'WMO307'] : ['JW301', 'JW305', 'JW307', 'JW315']
			);
			for (const [kind, files] of byKind) {
				expect(await validateAgainstSchema(`${XSD}/${standard}-3.2-xsd/${kind}.xsd`, files)).toEqual([]);
			}
		}
	});

	test('the published wmo_clienten and jeugdhulp tables are byte-identical to those from the CSV', () => {
		expect(tableHash(xmlRun, 'wmo_clienten')).toEqual(tableHash(csvRun, 'wmo_clienten'));
		expect(tableHash(xmlRun, 'jeugdhulp')).toEqual(tableHash(csvRun, 'jeugdhulp'));
	});

	test('every toegewezen product is published or quarantined; the source report names the standard', () => {
		const wmo = xmlRun.sources.find((s) => s.file.endsWith('iwmo'))!;
		const ijw = xmlRun.sources.find((s) => s.file.endsWith('ijw'))!;
		const csvWmo = csvRun.sources.find((s) => s.file.endsWith('wmo_voorzieningen.csv'))!;
		const csvJeugd = csvRun.sources.find((s) => s.file.endsWith('jeugdhulp_trajecten.csv'))!;
		expect(wmo).toMatchObject({
			rows: csvWmo.rows,
			published: csvWmo.published,
			quarantined: csvWmo.quarantined
		});
		expect(ijw).toMatchObject({ rows: csvJeugd.rows, published: csvJeugd.published });
		expect(wmo.format).toMatch(/^iWmo 3\.2-berichten \(\d+ bestanden, elk gecontroleerd tegen het XSD/);
		expect(ijw.format).toContain('resultaat niet aangeleverd');
		// The messages carry no outcome: nothing about it is published as if it were known.
		expect(csvRun.manifest.tables['jeugdhulp_resultaat']!.rows).toBeGreaterThan(0);
		expect(xmlRun.manifest.tables['jeugdhulp_resultaat']).toBeUndefined();
	});

	test('nothing personal from the messages is left in the temp folder or the release', () => {
		const leftovers = readdirSync(runTemp).filter((f) => /^koers-(iwmo|ijw)-/.test(f));
		expect(leftovers).toEqual([]);
		const bsns = new Set(
			readdirSync(join(xmlRaw, 'GM0193', 'ijw')).flatMap((f) =>
				[...readFileSync(join(xmlRaw, 'GM0193', 'ijw', f), 'utf8').matchAll(/<jw\d+:Bsn>(\d{9})</g)].map(
					(m) => m[1]!
				)
			)
		);
		expect(bsns.size).toBeGreaterThan(5);
		for (const f of readdirSync(published, { recursive: true }) as string[]) {
			const path = join(published, f);
			if (!existsSync(path) || !/\.(json|parquet|csv)$/.test(f)) continue;
			const text = readFileSync(path).toString('latin1');
			for (const bsn of bsns) expect(text.includes(bsn), `${f} holds a BSN`).toBe(false);
		}
	});
});

/** A delivery whose message folder was changed by `edit`; returns the run's error. */
async function refusedWith(edit: (dir: { iwmo: string; ijw: string }) => void): Promise<PipelineError> {
	const raw = await messageDelivery(GOOD);
	const dir = join(raw, 'GM0193');
	edit({ iwmo: join(dir, 'iwmo'), ijw: join(dir, 'ijw') });
	return refusedKeepingRelease(raw);
}

const first = (dir: string, kind: string) =>
	join(
		dir,
		readdirSync(dir).find((f) => f.includes(kind))!
	);

describe('defective message deliveries are refused with file, line or element and what to do', () => {
	test('a message failing its XSD: the schema’s own message, the file and the line', async () => {
		const error = await refusedWith(({ ijw }) => {
			const f = first(ijw, 'JW305');
			writeFileSync(
				f,
				readFileSync(f, 'utf8').replace(/<jw305:StatusAanlevering>1</, '<jw305:StatusAanlevering>7<')
			);
		});
		expect(error.message).toMatch(
			/een bericht voldoet niet aan hun schema; vraag de leverancier om berichten die het XSD doorstaan, of haal ze uit de map\. Eerste: .*ijw\/\d+-JW305\.xml regel 4: voldoet niet aan het XSD van JW305\.xsd: Element '\{http:\/\/www\.istandaarden\.nl\/ijw\/3_2\/jw305\/schema\}StatusAanlevering': \[facet 'enumeration'\] The value '7' is not an element of the set/
		);
	});

	test('the wrong version in the header fails the XSD', async () => {
		const error = await refusedWith(({ iwmo }) => {
			const f = first(iwmo, 'WMO301');
			writeFileSync(
				f,
				readFileSync(f, 'utf8').replace('<wmo301:BerichtSubversie>2<', '<wmo301:BerichtSubversie>1<')
			);
		});
		expect(error.message).toMatch(
			/WMO301\.xml regel 3: voldoet niet aan het XSD van WMO301\.xsd: .*BerichtSubversie.*'1'/
		);
	});

	test('a namespace of another release or no iStandaarden namespace', async () => {
		const error = await refusedWith(({ iwmo }) => {
			const f = first(iwmo, 'WMO305');
			writeFileSync(f, readFileSync(f, 'utf8').replaceAll('/iwmo/3_2/', '/iwmo/3_1/'));
		});
		expect(error.message).toMatch(
			/WMO305\.xml: release 3\.1 van iWmo wordt niet gelezen: Koers leest iWmo 2\.0 en iWmo 3\.2$/
		);
		const other = await refusedWith(({ ijw }) => {
			const f = first(ijw, 'JW307');
			writeFileSync(
				f,
				readFileSync(f, 'utf8').replace('http://www.istandaarden.nl/ijw/3_2/jw307/schema', 'urn:example')
			);
		});
		expect(other.message).toMatch(
			/JW307\.xml: onbekende namespace urn:example: Koers leest iWmo 2\.0 en 3\.2 en iJw 3\.2/
		);
	});

	test('a truncated file: the parser’s message and line', async () => {
		const error = await refusedWith(({ ijw }) => {
			const f = first(ijw, 'JW301');
			const text = readFileSync(f, 'utf8');
			writeFileSync(f, text.slice(0, Math.floor(text.length * 0.6)));
		});
		expect(error.message).toMatch(/JW301\.xml regel \d+: voldoet niet aan het XSD van JW301\.xsd: /);
		expect(error.issues.length).toBeGreaterThan(0);
	});

	test('the same message identifier twice', async () => {
		const error = await refusedWith(({ ijw }) => {
			const f = first(ijw, 'JW305');
			const copy = f.replace(/(\d+)-JW305/, '9999999-JW305');
			cpSync(f, copy);
		});
		expect(error.message).toMatch(
			/ijw\/9999999-JW305\.xml: BerichtIdentificatie K\d+ van afzender 12345678 staat ook in .*ijw\/\d+-JW305\.xml: hetzelfde bericht is twee keer aangeleverd; haal één van beide uit de map$/
		);
	});

	test('without xmllint the run says how to install it', async () => {
		const path = process.env['PATH'];
		process.env['PATH'] = '/nonexistent';
		try {
			await expect(
				validateAgainstSchema(`${XSD}/ijw-3.2-xsd/JW301.xsd`, ['tests/fixtures/none.xml'])
			).rejects.toThrow(/xmllint ontbreekt: .*installeer het met `apt-get install -y libxml2-utils`/);
		} finally {
			process.env['PATH'] = path;
		}
	});

	test('an iJw message in the iWmo folder', async () => {
		const error = await refusedWith(({ iwmo, ijw }) => {
			const f = first(ijw, 'JW301');
			renameSync(f, join(iwmo, 'verdwaald-JW301.xml'));
		});
		expect(error.message).toMatch(
			/iwmo\/verdwaald-JW301\.xml: een iJw 3\.2-bericht \(jw301\) in de map iwmo\/: jeugdhulpberichten horen in ijw\/$/
		);
	});
});

describe('message rules, quarantined with file and element', () => {
	test('a start without a toewijzing, a stop before the start, a category that is not jeugdhulp, an unknown postcode', async () => {
		const raw = await messageDelivery(GOOD);
		const dir = join(raw, 'GM0193', 'ijw');
		const files = readdirSync(dir).sort();
		// A JW305 whose ToewijzingNummer no JW301 assigned.
		const start = join(
			dir,
			files.find((f) => f.includes('JW305'))!
		);
		writeFileSync(
			start,
			readFileSync(start, 'utf8').replace(/<jw305:ToewijzingNummer>\d+</, '<jw305:ToewijzingNummer>777<')
		);
		// A JW307 ending before its start.
		const stop = join(
			dir,
			files.find((f) => f.includes('JW307'))!
		);
		writeFileSync(
			stop,
			readFileSync(stop, 'utf8').replace(/<jw307:Einddatum>[^<]+</, '<jw307:Einddatum>2000-01-01<')
		);
		// Jeugdbescherming (48) is not jeugdhulp.
		const toewijzing = join(dir, files.filter((f) => f.includes('JW301')).at(-1)!);
		writeFileSync(
			toewijzing,
			readFileSync(toewijzing, 'utf8').replace(/<ijw:Categorie>\d+</g, '<ijw:Categorie>48<')
		);
		// A postcode the postcode → buurt table does not know.
		const moved = join(dir, files.filter((f) => f.includes('JW301'))[1]!);
		writeFileSync(
			moved,
			readFileSync(moved, 'utf8').replace(/<ijw:Postcode>[^<]+</, '<ijw:Postcode>9999ZZ<')
		);
		const run = await runPipeline({ paths: fixturePaths({ raw }), env: {}, maxQuarantineRate: 0.5 });
		const ijw = run.sources.find((s) => s.file.endsWith('ijw'))!;
		const messages = ijw.issues.map((p) => formatIssue({ ...p, file: p.file.split('/').at(-1)! }));
		expect(messages).toEqual(
			expect.arrayContaining([
				expect.stringMatching(
					/JW305\.xml element StartProduct\/ToewijzingNummer: StartProduct verwijst naar een toewijzing \(ToewijzingNummer 777\) die geen 301-bericht heeft toegewezen/
				),
				expect.stringMatching(
					/JW307\.xml element StopProduct\/Einddatum: einde zorg \(2000-01-01\) ligt vóór de start/
				),
				expect.stringMatching(
					/JW301\.xml element ToegewezenProduct\/Product\/Categorie: productcategorie 48 is jeugdbescherming, geen jeugdhulp/
				),
				expect.stringMatching(
					/JW301\.xml element Contactgegevens\/Contact\/Adres\/Postcode: postcode 9999ZZ staat niet in postcode_buurt\.csv: vul de koppeltabel aan/
				)
			])
		);
		expect(ijw.rows).toBe(ijw.published + ijw.quarantined);
		expect(ijw.quarantined).toBeGreaterThanOrEqual(4);
	});
});

describe('the synthetic sample’s own registrations as 3.2 messages', () => {
	test('a slice of Zwolle’s WMO and jeugdhulp registrations: every message valid, the same published tables', async () => {
		const sample = 'data/raw/GM0193';
		if (!existsSync(join(sample, 'wmo_voorzieningen.csv')))
			throw new Error('no sample data: run "npm run data" first (npm test does this)');
		// The first 2.500 registrations of each (the order of the export): repeat clients, every category and age band.
		const raw = temp('koers-msg-sample-');
		const dir = join(raw, 'GM0193');
		cpSync(sample, dir, { recursive: true });
		const slice = (stem: string, filter: (line: string) => boolean) => {
			const [header, ...lines] = readFileSync(join(dir, `${stem}.csv`), 'utf8')
				.trim()
				.split(/\r?\n/);
			writeFileSync(
				join(dir, `${stem}.csv`),
				[header, ...lines.filter(filter).slice(0, 2500)].join('\r\n') + '\r\n'
			);
		};
		slice('wmo_voorzieningen', (l) => l.split(';')[4] === 'ZIN');
		slice('jeugdhulp_trajecten', () => true);
		const csv = await runPipeline({ paths: fixturePaths({ raw }), env: {} });
		const xmlRaw = temp('koers-msg-sample-xml-');
		cpSync(raw, xmlRaw, { recursive: true });
		const xmlDir = join(xmlRaw, 'GM0193');
		const info = JSON.parse(readFileSync(join(xmlDir, 'bron.json'), 'utf8')) as {
			peildatum_levering: string;
		};
		for (const [standard, stem] of [
			['iwmo', 'wmo_voorzieningen'],
			['ijw', 'jeugdhulp_trajecten']
		] as const) {
			await writeMessages({
				standard,
				csv: readFileSync(join(xmlDir, `${stem}.csv`), 'utf8'),
				dir: join(xmlDir, standard),
				postcodeFile: join(xmlDir, 'postcode_buurt.csv'),
				gemeente: 'GM0193',
				deliveryDate: info.peildatum_levering
			});
			rmSync(join(xmlDir, `${stem}.csv`));
		}
		// The run validates every message against its XSD; a single invalid one would refuse the delivery.
		const xml = await runPipeline({ paths: fixturePaths({ raw: xmlRaw }), env: {} });
		expect(tableHash(xml, 'wmo_clienten')).toEqual(tableHash(csv, 'wmo_clienten'));
		expect(tableHash(xml, 'jeugdhulp')).toEqual(tableHash(csv, 'jeugdhulp'));
		const wmo = xml.sources.find((s) => s.file.endsWith('iwmo'))!;
		expect(wmo).toMatchObject({ rows: 2500, published: 2500, quarantined: 0 });
		expect(xml.sources.find((s) => s.file.endsWith('ijw'))).toMatchObject({ rows: 2500, published: 2500 });
	}, 180_000);
});
