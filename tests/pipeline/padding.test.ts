import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { meldingSchema } from '../../src/lib/schemas/participatie';
import { withLoadedExport } from '../helpers/exports';

/**
 * The checks read the cells as they are when the file's bytes prove that no cell starts or ends with a
 * character trim() removes, and trim every cell otherwise: padding of any kind still reads as the value.
 */
const dir = mkdtempSync(join(tmpdir(), 'koers-padding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'meldingnummer;meldingsdatum;buurtcode;leeftijdsklasse;bijstandsaanvraag';
const ROWS = [
	['M1', '04-01-2016', 'BU01931000', '27-44', 'nee'],
	['M2', '05-01-2016', 'BU01931000', '18-26', 'ja'],
	['M3', '06-01-2016', 'BU01931000', '65+', 'nee']
];
const csv = (rows: string[][], eol = '\n') => [HEADER, ...rows.map((r) => r.join(';'))].join(eol) + eol;
/** The rows with the second row's cells padded on both sides by `pad`. */
const padded = (pad: string) => ROWS.map((r, i) => (i === 1 ? r.map((c) => `${pad}${c}${pad}`) : r));

async function load(name: string, content: string | Buffer) {
	return withLoadedExport(
		{ path: join(dir, name), content, schema: meldingSchema },
		async (engine, loaded) => ({
			loaded,
			rows: await engine.query(
				'SELECT line, meldingnummer, CAST(meldingsdatum AS VARCHAR) AS datum, buurtcode, leeftijdsklasse, bijstandsaanvraag FROM pw_meldingen ORDER BY line'
			)
		})
	);
}

describe('cells padded with spaces', async () => {
	const clean = await load('schoon.csv', csv(ROWS));

	test('a file without padding is read as it is', () => {
		expect(clean.loaded.quarantined).toBe(0);
		expect(clean.rows.map((r) => r['meldingnummer'])).toEqual(['M1', 'M2', 'M3']);
	});

	test.each([
		['spaces', ' '],
		['two spaces', '  '],
		['no-break spaces (U+00A0)', '\u00a0'],
		['a figure space (U+2007)', '\u2007'],
		['a narrow no-break space (U+202F)', '\u202f'],
		['an ideographic space (U+3000)', '\u3000']
	])('%s around every cell of a row are trimmed', async (_name, pad) => {
		const got = await load(`opgevuld-${pad.codePointAt(0)}.csv`, csv(padded(pad)));
		expect(got.loaded.quarantined).toBe(0);
		expect(got.rows).toEqual(clean.rows);
	});

	test('padding inside quotes, with CRLF line ends, is trimmed', async () => {
		const rows = ROWS.map((r, i) => (i === 2 ? r.map((c) => `" ${c} "`) : r));
		const got = await load('aanhalingstekens.csv', csv(rows, '\r\n'));
		expect(got.loaded.quarantined).toBe(0);
		expect(got.rows).toEqual(clean.rows);
	});

	test('a Windows-1252 file with no-break spaces is trimmed after transcoding', async () => {
		const text = csv(padded('\u00a0'));
		const bytes = Buffer.from([...text].map((c) => (c === '\u00a0' ? 0xa0 : c.charCodeAt(0))));
		const got = await load('windows-1252.csv', bytes);
		expect(got.loaded.format).toContain('Windows-1252');
		expect(got.loaded.quarantined).toBe(0);
		expect(got.rows).toEqual(clean.rows);
	});

	test('a padded key repeats the same key, and a cell of spaces only is empty', async () => {
		const rows = [
			...ROWS,
			[' M1 ', '07-01-2016', 'BU01931000', '27-44', 'nee'],
			['M4', '   ', 'BU01931000', '27-44', 'nee']
		];
		const got = await load('dubbel.csv', csv(rows));
		expect(got.loaded.quarantined).toBe(2);
		expect(got.loaded.issues.map((i) => [i.line, i.message])).toEqual([
			[5, expect.stringContaining('dubbele regel: dezelfde meldingnummer als regel 2')],
			[6, 'verplicht veld is leeg: vul een waarde in']
		]);
	});

	test('spaces inside a value are kept and do not make the file padded', async () => {
		const rows = ROWS.map((r, i) => (i === 0 ? ['M 1', ...r.slice(1)] : r));
		const got = await load('binnenin.csv', csv(rows));
		expect(got.loaded.quarantined).toBe(0);
		expect(got.rows.map((r) => r['meldingnummer'])).toEqual(['M 1', 'M2', 'M3']);
	});
});
