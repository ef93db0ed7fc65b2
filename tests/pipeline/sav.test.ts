import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatIssue } from '../../pipelines/errors';
import { runPipeline, type RunReport } from '../../pipelines/run';
import { csvAsSav, surveySav } from '../helpers/pspp';
import { clientervaringSchema } from '../../src/lib/schemas/clientervaring';
import { fixturePaths } from '../helpers/paths';
import { tempFolders } from '../helpers/temp';
import { refusedKeepingRelease } from '../helpers/refused';

/**
 * The Buurt-voor-Buurt survey as an SPSS `.sav` written by PSPP (an independent writer): the same
 * respondents as `.sav` and as CSV give byte-identical published `bvb_schaalscores`; bad files are
 * refused or their cases quarantined with the file, the line (case + 1) and what to do.
 */

const { temp, made: temps } = tempFolders();

/** The good fixture with one respondent who did not answer the isolement items. */
function csvDelivery(): string {
	const raw = temp('koers-sav-csv-');
	cpSync('tests/fixtures/pipeline/good', raw, { recursive: true });
	const survey = join(raw, 'GM0193', 'bvb_respondenten.csv');
	const lines = readFileSync(survey, 'utf8').split(/\r?\n/);
	lines[5] = lines[5]!.replace(/;[^;]*$/, ';');
	writeFileSync(survey, lines.join('\n'));
	return raw;
}

/** The same delivery with the survey as `.sav` instead of CSV. */
function savDelivery(
	from: string,
	options: Omit<Parameters<typeof surveySav>[0], 'csv' | 'out'> = {}
): string {
	const raw = temp('koers-sav-sav-');
	cpSync(from, raw, { recursive: true });
	const csv = join(raw, 'GM0193', 'bvb_respondenten.csv');
	surveySav({ ...options, csv, out: join(raw, 'GM0193', 'bvb_respondenten.sav') });
	rmSync(csv);
	return raw;
}

const hashes = (run: RunReport) => run.manifest.tables['bvb_schaalscores']!.files.map((f) => f.sha256);

describe('SPSS .sav for the Buurt-voor-Buurt survey', () => {
	let csvRaw: string;
	let csvRun: RunReport;
	beforeAll(async () => {
		csvRaw = csvDelivery();
		csvRun = await runPipeline({ paths: fixturePaths({ raw: csvRaw }), env: {} });
	}, 60_000);

	for (const compression of ['COMPRESSED', 'UNCOMPRESSED'] as const) {
		test(`${compression.toLowerCase()}: byte-identical bvb_schaalscores; labels, user-missing and names by case`, async () => {
			const run = await runPipeline({
				paths: fixturePaths({ raw: savDelivery(csvRaw, { compression }) }),
				env: {}
			});
			expect(hashes(run)).toEqual(hashes(csvRun));
			const source = run.sources.find((s) => s.file.endsWith('bvb_respondenten.sav'))!;
			const csvSource = csvRun.sources.find((s) => s.file.endsWith('bvb_respondenten.csv'))!;
			expect(source).toMatchObject({ rows: csvSource.rows, published: csvSource.published, quarantined: 0 });
			expect(source.format).toBe(
				`SPSS .sav (${csvSource.rows} gevallen, ${compression === 'COMPRESSED' ? 'gecomprimeerd' : 'ongecomprimeerd'}; 8 variabelen gelezen, 2 andere niet; regel n in meldingen is geval n − 1)`
			);
		});
	}

	test('the client-experience survey as .sav (ja/nee as string variables): byte-identical clientervaring', async () => {
		const raw = temp('koers-sav-ce-');
		cpSync(csvRaw, raw, { recursive: true });
		const csv = join(raw, 'GM0193', 'clientervaring.csv');
		const [head, ...lines] = readFileSync(csv, 'utf8').trim().split(/\r?\n/);
		const header = head!.split(';');
		const widths = Object.fromEntries(
			header.map((h, i) => [h, Math.max(...lines.map((l) => l.split(';')[i]?.length ?? 0))])
		);
		csvAsSav({
			csv,
			out: join(raw, 'GM0193', 'clientervaring.sav'),
			columns: clientervaringSchema.columns,
			header,
			widths
		});
		rmSync(csv);
		const run = await runPipeline({ paths: fixturePaths({ raw }), env: {} });
		expect(run.manifest.tables['clientervaring']!.files.map((f) => f.sha256)).toEqual(
			csvRun.manifest.tables['clientervaring']!.files.map((f) => f.sha256)
		);
		expect(run.sources.find((s) => s.file.endsWith('clientervaring.sav'))).toMatchObject({
			rows: lines.length,
			quarantined: 0
		});
	});

	test('the weight variable of the file (WEIGHT BY) is the weight when there is no variable gewicht', async () => {
		const run = await runPipeline({
			paths: fixturePaths({ raw: savDelivery(csvRaw, { variant: 'weight-by' }) }),
			env: {}
		});
		expect(hashes(run)).toEqual(hashes(csvRun));
		expect(run.sources.find((s) => s.file.endsWith('.sav'))!.format).toContain(
			'weegfactor uit WEIGHT BY wfactor'
		);
	});

	test('variables Koers does not read (a postcode, a date of birth) reach neither the release nor the temp folder', async () => {
		const paths = fixturePaths({ raw: savDelivery(csvRaw) });
		await runPipeline({ paths, env: {} });
		for (const f of readdirSync(paths.published, { recursive: true }) as string[]) {
			if (!/\.(json|parquet)$/.test(f)) continue;
			const text = readFileSync(join(paths.published, f)).toString('latin1');
			expect(text.includes('8011AB'), f).toBe(false);
		}
		expect(
			readdirSync(tmpdir()).filter((f) => f.startsWith('koers-sav-') && !temps.some((t) => t.endsWith(f)))
		).toEqual([]);
	});

	test('a value label that is not ja/nee: that case is quarantined with line and column', async () => {
		const run = await runPipeline({
			paths: fixturePaths({ raw: savDelivery(csvRaw, { variant: 'unknown-label' }) }),
			env: {}
		});
		const source = run.sources.find((s) => s.file.endsWith('.sav'))!;
		expect(source.quarantined).toBe(1);
		expect(source.rows).toBe(source.published + source.quarantined);
		expect(formatIssue({ ...source.issues[0]!, file: 'x' })).toMatch(
			/^x regel 4, kolom 5 \(beperking\): .*Misschien/
		);
	});
});

const refused = (raw: string) => refusedKeepingRelease(raw);

describe('bad .sav files are refused with the file and what to do', () => {
	const base = () => csvDelivery();
	const savPath = (raw: string) => join(raw, 'GM0193', 'bvb_respondenten.sav');

	test('a file that is not SPSS', async () => {
		const raw = savDelivery(base());
		writeFileSync(savPath(raw), 'respondentnummer;jaar\nR1;2014\n');
		expect((await refused(raw)).message).toMatch(
			/bvb_respondenten\.sav: geen SPSS-bestand \(\.sav\): het begint niet met \$FL2; lever het bestand aan zoals SPSS of PSPP het bewaart$/
		);
	});

	test('a zlib-compressed file (ZSAV)', async () => {
		const raw = savDelivery(base(), { compression: 'ZCOMPRESSED' });
		expect((await refused(raw)).message).toMatch(
			/bvb_respondenten\.sav: ZSAV \(zlib-gecomprimeerd SPSS\) wordt niet gelezen/
		);
	});

	test('without the weight variable', async () => {
		const raw = savDelivery(base(), { variant: 'no-weight' });
		expect((await refused(raw)).message).toMatch(
			/bvb_respondenten\.sav: geen weegfactor: het bestand heeft geen variabele gewicht en geen gewichtsvariabele \(WEIGHT BY\)/
		);
	});

	test('a variable twice', async () => {
		const raw = savDelivery(base(), { variant: 'twin-weight' });
		// PSPP refuses to write two variables of one name; the second is renamed in the file afterwards.
		const bytes = readFileSync(savPath(raw))
			.toString('latin1')
			.replaceAll('GEWICHX', 'GEWICHT')
			.replaceAll('gewichx', 'Gewicht');
		writeFileSync(savPath(raw), Buffer.from(bytes, 'latin1'));
		expect((await refused(raw)).message).toMatch(
			/bvb_respondenten\.sav: variabele Gewicht \(nummer \d+\) komt twee keer voor \(ook als Gewicht\)/
		);
	});
});
