import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

interface PublicCode {
	publiccodeYmlVersion: string;
	name: string;
	url: string;
	platforms: string[];
	categories: string[];
	developmentStatus: string;
	softwareType: string;
	description: Record<string, { shortDescription: string; longDescription: string; features: string[] }>;
	legal: { license: string };
	maintenance: { type: string; contacts: { name: string }[] };
	localisation: { localisationReady: boolean; availableLanguages: string[] };
	dependsOn: { open: { name: string }[] };
}

describe('publiccode.yml', () => {
	const code = parse(readFileSync('publiccode.yml', 'utf8')) as PublicCode;

	test('has the keys the Standard for Public Code requires (version 0.4)', () => {
		expect(code.publiccodeYmlVersion).toBe('0.4');
		expect(code.name).toBe('Koers');
		expect(code.url).toMatch(/^https:\/\//);
		expect(code.platforms).toContain('web');
		expect(code.categories.length).toBeGreaterThan(0);
		expect(['concept', 'development', 'beta', 'stable', 'obsolete']).toContain(code.developmentStatus);
		expect(code.softwareType).toBe('standalone/web');
		expect(code.legal.license).toBe('EUPL-1.2');
		expect(code.localisation.availableLanguages).toContain('nl');
		expect(typeof code.localisation.localisationReady).toBe('boolean');
	});

	test('describes Koers in Dutch and English, within the standard’s lengths', () => {
		for (const language of ['nl', 'en']) {
			const d = code.description[language]!;
			expect(d.shortDescription.length, language).toBeLessThanOrEqual(150);
			expect(d.longDescription.length, language).toBeGreaterThanOrEqual(150);
			expect(d.longDescription.length, language).toBeLessThanOrEqual(10000);
			expect(d.features.length, language).toBeGreaterThan(0);
		}
	});

	test('names the stack and leaves the maintainers as placeholders for the project', () => {
		expect(code.dependsOn.open.map((d) => d.name)).toEqual(
			expect.arrayContaining(['Node.js', 'DuckDB', 'SvelteKit'])
		);
		expect(code.maintenance.type).toBe('internal');
		expect(code.maintenance.contacts.length).toBeGreaterThan(0);
		for (const c of code.maintenance.contacts) expect(c.name).toMatch(/^TODO: /);
	});
});
