import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { COMPLIANCE_STATUSES, missingFields } from '../src/lib/gemeente/accessibility';
import { currentDivision, divisionOutlines, readDivisionAreas } from '../src/lib/gemeente/division';
import { GEMEENTE_FILES, loadGemeente, readDeliveryInfo } from '../src/lib/gemeente/folder';
import { isGemeenteCode, type Gemeente } from '../src/lib/gemeente/types';
import { isFolderError } from '../src/lib/gemeente/site-check';
import { parseFinanceSettings } from '../src/lib/finance/settings';
import { reportReferenceErrors } from '../src/lib/reports/references';
import { openNodeEngine } from '../src/lib/db/node.server';
import type { Paths } from './config';
import { formatIssue, PipelineError } from './errors';
import { loadCsvExport } from './sources/csv-export';
import { loadAreas, loadTaakvelden } from './sources/reference';
import { SOURCES } from './sources/registry';

const rel = (path: string) => relative(process.cwd(), path) || path;

/** Which exports of a delivery folder are there, by source (CSV, XLSX or a folder of messages). */
function deliveredFiles(
	rawDir: string
): { stem: string; title: string; required: boolean; file: string | null }[] {
	const present = new Set(existsSync(rawDir) ? readdirSync(rawDir) : []);
	return SOURCES.map((s) => ({
		stem: s.stem,
		title: s.schema.title,
		required: s.required,
		file:
			[`${s.stem}.csv`, `${s.stem}.xlsx`, ...(s.messages ? [s.messages] : [])].find((f) => present.has(f)) ??
			null
	}));
}

/**
 * `npm run gemeente -- nieuw <code> "<naam>"`: starts a gemeente folder with gemeente.yaml, a catalogue
 * from the template (every norm kind), controller settings and a report skeleton, and the delivery
 * folder with bron.json. Returns the lines to print: what was made, what is missing, what to do next.
 */
export async function scaffoldGemeente(options: {
	paths: Paths;
	code: string;
	name: string;
	year: number;
}): Promise<string[]> {
	const { paths, code, name, year } = options;
	if (!isGemeenteCode(code))
		throw new PipelineError(
			`"${code}" is geen CBS-gemeentecode: gebruik GM en vier cijfers (zie CBS, gemeentecodes)`
		);
	if (!name.trim())
		throw new PipelineError('geef de naam van de gemeente mee: npm run gemeente -- nieuw <code> "<naam>"');
	const dir = join(paths.gemeenten, code);
	if (existsSync(dir))
		throw new PipelineError(
			`${rel(dir)} bestaat al; controleer hem met: npm run gemeente -- controleer ${code}`
		);
	const rawDir = join(paths.raw, code);
	const templates = join(paths.reference, '..', 'templates');
	const catalogTemplate = readFileSync(join(templates, 'catalogus-sjabloon.yaml'), 'utf8');
	// The template's own (placeholder) gemeente is replaced by this one wherever the templates name it.
	const template = parseYaml(catalogTemplate) as {
		gemeente: { code: string; naam: string };
		begrotingsjaar: number;
	};
	const placeholder = template.gemeente;
	const fill = (text: string) =>
		text
			.replaceAll(placeholder.code, code)
			.replaceAll(placeholder.naam, name)
			.replace(/begrotingsjaar: \d{4}/, `begrotingsjaar: ${year}`)
			.replaceAll(`Programmabegroting ${template.begrotingsjaar}`, `Programmabegroting ${year}`);
	await mkdir(join(dir, GEMEENTE_FILES.reports), { recursive: true });
	await mkdir(join(dir, GEMEENTE_FILES.divisions), { recursive: true });
	await writeFile(join(dir, GEMEENTE_FILES.identity), identityYaml({ code, name }));
	await writeFile(join(dir, `begroting-${year}.yaml`), fill(catalogTemplate));
	await writeFile(
		join(dir, GEMEENTE_FILES.settings),
		readFileSync(join(templates, 'financien-sjabloon.yaml'), 'utf8')
	);
	await writeFile(
		join(dir, GEMEENTE_FILES.reports, 'programma-1.md'),
		fill(readFileSync(join(templates, 'rapport-sjabloon.md'), 'utf8'))
	);
	await mkdir(rawDir, { recursive: true });
	const bron = join(rawDir, 'bron.json');
	if (!existsSync(bron))
		await writeFile(
			bron,
			JSON.stringify({ gemeente: code, naam: name, peildatum_levering: null }, null, 2) + '\n'
		);
	const missing = deliveredFiles(rawDir).filter((f) => !f.file);
	return [
		`Gemeentemap ${rel(dir)}/ gemaakt voor ${name} (${code}):`,
		`  ${GEMEENTE_FILES.identity}            code en naam; vul ook toegankelijkheid in (contact, onderzoek, status) voor de toegankelijkheidsverklaring`,
		`  begroting-${year}.yaml     catalogus van streefdoelen (sjabloon met elke soort norm: vervang de voorbeelden)`,
		`  ${GEMEENTE_FILES.settings}            instellingen voor de financiële controles (optioneel)`,
		`  ${GEMEENTE_FILES.reports}/programma-1.md  rapport voor de raad (optioneel)`,
		`  ${GEMEENTE_FILES.divisions}/                 hier komt de CBS-gebiedsindeling: ${GEMEENTE_FILES.divisions}/<jaar>/`,
		`Aanlevermap ${rel(rawDir)}/ gemaakt met bron.json (zet "peildatum_levering" op de datum van de export).`,
		'',
		'Nog aan te leveren exports (docs/aanleverformaat.md; sjablonen in data/templates/):',
		...missing.map((m) => `  ${m.required ? 'verplicht' : 'optioneel'}  ${m.stem}.csv  ${m.title}`),
		'',
		'Volgende stappen (docs/nieuwe-gemeente.md):',
		`  1. zet de CBS-gebiedsindeling in ${rel(join(dir, GEMEENTE_FILES.divisions))}/<jaar>/ (buurten.shp met .dbf en .prj, een .gpkg, of wijken.csv en buurten.csv)`,
		`  2. vul begroting-${year}.yaml met de streefdoelen uit de begroting`,
		`  3. zet de exports in ${rel(rawDir)}/`,
		`  4. npm run gemeente -- controleer ${code}`,
		'  5. zet KOERS_PSEUDONYM_KEY in de omgeving, dan: npm run pipeline && npm run build'
	];
}

/** One finding of a check: what is there, what is missing, what is wrong (with file, line and field). */
export interface Finding {
	kind: 'ok' | 'ontbreekt' | 'fout' | 'let op';
	text: string;
}

/**
 * `npm run gemeente -- controleer <code>`: reads everything the gemeente brings without running the
 * pipeline: its folder (identity, catalogues, settings, reports, division and outlines), bron.json,
 * and every export through the same checks as the pipeline (nothing is pseudonymised or published).
 */
export async function checkGemeente(options: { paths: Paths; code: string }): Promise<Finding[]> {
	const { paths, code } = options;
	const out: Finding[] = [];
	const rawDir = join(paths.raw, code);
	const guard = async (what: () => Promise<void> | void) => {
		try {
			await what();
		} catch (error) {
			if (!(isFolderError(error) || error instanceof PipelineError)) throw error;
			out.push({ kind: 'fout', text: error.message });
		}
	};
	let gemeente: Gemeente | null = null;
	await guard(() => {
		gemeente = loadGemeente({
			gemeentenDir: paths.gemeenten,
			code,
			delivery: readDeliveryInfo(rawDir),
			rawDir
		});
	});
	const g = gemeente as Gemeente | null;
	if (g) {
		out.push({
			kind: 'ok',
			text: `${g.name} (${g.code})${g.dir ? `: gemeentemap ${rel(g.dir)}/` : ': geen gemeentemap'}`
		});
		if (g.catalogs.length === 0)
			out.push({
				kind: 'ontbreekt',
				text: 'geen catalogus van streefdoelen (begroting-<jaar>.yaml): alleen de BBV-indicatoren worden getoond'
			});
		for (const c of g.catalogs) {
			const all = c.goals.flatMap((goal) => goal.streefdoelen);
			out.push({
				kind: 'ok',
				text: `catalogus begroting ${c.budgetYear}, programma ${c.programme.number} ${c.programme.name}: ${all.length} streefdoelen`
			});
			const examples = all.filter((s) => s.id.startsWith('voorbeeld-'));
			if (examples.length > 0)
				out.push({
					kind: 'let op',
					text: `begroting ${c.budgetYear}: ${examples.length} streefdoelen komen nog uit het sjabloon (${examples.map((s) => s.id).join(', ')}); vervang ze door die van de begroting`
				});
		}
		const unstated = missingFields(g.accessibility);
		out.push(
			unstated.length === 0
				? { kind: 'ok', text: 'toegankelijkheidsverklaring: website, status, onderzoek en contact opgegeven' }
				: {
						kind: 'let op',
						text: `toegankelijkheidsverklaring: ${unstated.map((m) => m.field).join(', ')} ontbreekt in gemeente.yaml; de verklaring zegt dat het ontbreekt (docs/nieuwe-gemeente.md)`
					}
		);
		if (g.settingsFile) {
			const file = g.settingsFile;
			await guard(() => {
				parseFinanceSettings({ text: readFileSync(file, 'utf8'), file: rel(file) });
				out.push({ kind: 'ok', text: `${rel(file)}: geldig` });
			});
		}
		// The build resolves every report against the catalogues: what it would refuse is refused here.
		const hasLedger = deliveredFiles(rawDir).some((f) => f.stem === 'fin_baten_lasten' && f.file);
		for (const r of g.reports) {
			const errors = reportReferenceErrors({ source: r, catalogs: g.catalogs, hasLedger });
			out.push(
				...(errors.length > 0
					? errors.map((text) => ({ kind: 'fout' as const, text }))
					: [{ kind: 'ok' as const, text: `rapport ${r.file}: ${r.title}` }])
			);
		}
		await guard(async () => {
			const division = currentDivision(g);
			if (!division) {
				out.push({
					kind: 'ontbreekt',
					text: `gebiedsindeling: zet de CBS-indeling in ${rel(join(g.dir ?? join(paths.gemeenten, code), GEMEENTE_FILES.divisions))}/<jaar>/`
				});
				return;
			}
			const areas = await readDivisionAreas({ gemeente: g.code, division });
			out.push({
				kind: 'ok',
				text: `gebiedsindeling ${division.year}: ${areas.wijken.length} wijken, ${areas.buurten.length} buurten`
			});
			for (const level of ['wijk', 'buurt'] as const) {
				const outlines = await divisionOutlines({ gemeente: g.code, division, level });
				out.push(
					outlines
						? {
								kind: 'ok',
								text: `grenzen per ${level}: ${outlines.features.length} gebieden, ${Math.round(JSON.stringify(outlines).length / 1024)} KiB na vereenvoudiging`
							}
						: {
								kind: 'ontbreekt',
								text: `geen grenzen per ${level}: de pagina's tonen dan een rangorde en een tabel, geen kaart`
							}
				);
			}
			await checkExports({ paths, code, rawDir, gemeente: g, areas, out });
		});
	}
	return out;
}

async function checkExports(options: {
	paths: Paths;
	code: string;
	rawDir: string;
	gemeente: Gemeente;
	areas: Awaited<ReturnType<typeof readDivisionAreas>>;
	out: Finding[];
}): Promise<void> {
	const { paths, rawDir, out } = options;
	if (!existsSync(rawDir)) {
		out.push({ kind: 'ontbreekt', text: `geen aanlevermap ${rel(rawDir)}/` });
		return;
	}
	const engine = await openNodeEngine();
	try {
		await loadAreas({ engine, gemeente: options.gemeente, areas: options.areas });
		await loadTaakvelden({ engine, referenceDir: paths.reference });
		for (const f of deliveredFiles(rawDir)) {
			if (!f.file) {
				out.push({
					kind: f.required ? 'ontbreekt' : 'let op',
					text: `${f.stem}.csv (${f.title}): ${f.required ? 'verplicht, ontbreekt' : 'niet aangeleverd (optioneel)'}`
				});
				continue;
			}
			const source = SOURCES.find((s) => s.stem === f.stem)!;
			if (!f.file.endsWith('.csv')) {
				out.push({
					kind: 'ok',
					text: `${f.file}: aanwezig (${f.title}); XLSX en berichten worden bij de pipeline omgezet en gecontroleerd`
				});
				continue;
			}
			const path = join(rawDir, f.file);
			try {
				// The pipeline's own checks; every bad row is listed, nothing is written.
				const loaded = await loadCsvExport({
					engine,
					path,
					file: rel(path),
					schema: source.schema,
					maxQuarantineRate: 1
				});
				out.push({
					kind: loaded.quarantined > 0 ? 'fout' : 'ok',
					text: `${rel(path)}: ${loaded.rows} regels, ${loaded.quarantined} afgekeurd`
				});
				for (const issue of loaded.issues) out.push({ kind: 'fout', text: formatIssue(issue) });
			} catch (error) {
				if (!(error instanceof PipelineError)) throw error;
				out.push({ kind: 'fout', text: error.message });
			}
		}
	} finally {
		engine.close();
	}
}

/**
 * gemeente.yaml of a new gemeente: code and name, and the toegankelijkheidsverklaring's fields as
 * commented placeholders. Commented, not filled with examples: until the gemeente gives them, the
 * verklaring says they are missing instead of showing an invented contact or status.
 */
export function identityYaml(options: { code: string; name: string }): string {
	return [
		`code: ${options.code}`,
		`naam: ${JSON.stringify(options.name)}`,
		'# Toegankelijkheidsverklaring (/toegankelijkheid van de site), zie docs/nieuwe-gemeente.md.',
		'# Vul in wat u weet en haal de # weg; wat ontbreekt, noemt de verklaring als ontbrekend.',
		'# toegankelijkheid:',
		'#   website: https://…                  # het adres waarop u deze site publiceert',
		'#   contact:                            # een e-mailadres, een contactpagina, of beide',
		'#     email: toegankelijkheid@…',
		'#     pagina: https://…',
		'#   onderzoek:                          # het onderzoek waarop de status berust',
		'#     door: …                           # wie de site onderzocht',
		"#     datum: 'jjjj-mm-dd'",
		'#     rapport: https://…                # het onderzoeksrapport (optioneel)',
		`#   status: …                           # ${COMPLIANCE_STATUSES.join(' | ')}`,
		''
	].join('\n');
}
