import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../pipelines/run';
import { leakScan } from '../../pipelines/publish/leak-scan';
import { openNodeEngine, openRelease } from '../../src/lib/db/node.server';
import { isBsn } from '../../src/lib/disclosure/identifiers';
import { fixturePaths } from '../helpers/paths';
import { snapshotFolder } from '../helpers/files';

const BSN = '111222333';

/** A copy of the good fixture with an edit applied to one of its files. */
function plant(file: string, edit: (text: string) => string): string {
	const dir = mkdtempSync(join(tmpdir(), 'koers-canary-'));
	cpSync('tests/fixtures/pipeline/good', dir, { recursive: true });
	const path = join(dir, 'GM0193', file);
	writeFileSync(path, edit(readFileSync(path, 'utf8')));
	return dir;
}

/** Every published value, column name and file, as one text. */
async function releaseText(publishedDir: string): Promise<string> {
	const { engine, manifest } = await openRelease({ publishedDir });
	try {
		const parts = [readFileSync(join(publishedDir, 'manifest.json'), 'utf8')];
		for (const name of Object.keys(manifest.tables))
			parts.push(JSON.stringify(await engine.query(`SELECT * FROM ${name}`)));
		for (const bytes of Object.values(snapshotFolder(publishedDir))) parts.push(bytes.toString('latin1'));
		return parts.join('\n');
	} finally {
		engine.close();
	}
}

describe('privacy canaries', () => {
	test('a BSN used as client number never reaches the release', async () => {
		expect(isBsn(BSN)).toBe(true);
		const raw = plant('wmo_voorzieningen.csv', (t) => t.replaceAll('Z0000011', BSN));
		const paths = fixturePaths({ raw });
		await runPipeline({ paths, env: {} });
		const text = await releaseText(paths.published);
		expect(text).not.toContain(BSN);
		expect(text).not.toContain('Z00000');
	});

	test.each([
		['naam', 'J. Jansen'],
		['geboortedatum', '01-02-1950'],
		['postcode', '8011 AB']
	])('an export with a %s column is refused and nothing is published', async (column, value) => {
		const raw = plant('wmo_voorzieningen.csv', (t) =>
			t
				.split('\n')
				.map((line, i) =>
					line.trim() === '' ? line : `${line.replace(/\r$/, '')};${i === 0 ? column : value}\r`
				)
				.join('\n')
		);
		const paths = fixturePaths({ raw });
		await expect(runPipeline({ paths, env: {} })).rejects.toThrow(`onbekende kolom "${column}"`);
		expect(readdirSync(paths.published)).toEqual([]);
	});

	test('the leak scan fails the release when an identifier is forced in, leaving the previous release intact', async () => {
		const paths = fixturePaths({ raw: 'tests/fixtures/pipeline/good' });
		await runPipeline({ paths, env: {} });
		const before = readFileSync(join(paths.published, 'manifest.json'), 'utf8');
		// Force a BSN into a published value: the gemeente name comes from its folder.
		const gemeenten = mkdtempSync(join(tmpdir(), 'koers-gemeenten-'));
		try {
			cpSync('data/gemeenten/GM0193', join(gemeenten, 'GM0193'), { recursive: true });
			rmSync(join(gemeenten, 'GM0193', 'begroting-2016.yaml'));
			writeFileSync(join(gemeenten, 'GM0193', 'gemeente.yaml'), `code: GM0193\nnaam: Zwolle ${BSN}\n`);
			await expect(runPipeline({ paths: { ...paths, gemeenten }, env: {} })).rejects.toThrow(
				/lekcontrole mislukt.*BSN-achtig nummer 111222333/s
			);
		} finally {
			rmSync(gemeenten, { recursive: true, force: true });
		}
		expect(readFileSync(join(paths.published, 'manifest.json'), 'utf8')).toBe(before);
	});

	test('the leak scan flags personal column names, exact dates, postcodes and BSNs', async () => {
		const engine = await openNodeEngine();
		try {
			await engine.run(
				`CREATE TABLE t AS SELECT 'x' AS geboortedatum, DATE '1950-02-01' AS d, '8011 AB' AS adres, '${BSN}' AS nummer`
			);
			const findings = await leakScan({ engine, tables: ['t'] });
			expect(findings.join('\n')).toMatch(/kolomnaam "geboortedatum"/);
			expect(findings.join('\n')).toMatch(/kolom "d" bevat exacte datums/);
			expect(findings.join('\n')).toMatch(/postcode 8011 AB/);
			expect(findings.join('\n')).toMatch(/BSN-achtig nummer 111222333/);
		} finally {
			engine.close();
		}
	});
});
