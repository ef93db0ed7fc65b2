import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { dsvFormat } from 'd3-dsv';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SURVEY_SCALES } from '../../src/lib/measures/scales';
import { refuseFile, type RowIssue } from '../errors';
import { surveyFiguresSchema, surveyFiguresWithoutCountsSchema } from '../../src/lib/schemas/survey-figures';
import { writeConvertedCsv } from './messages/folder';

/**
 * The wide layout of a statistics catalogue export (a row per area, a column per onderwerp, with
 * a variables file naming each onderwerp's weight column, `Aggregatie-onderwerp`, and its
 * respondent-count column, `Drempel-onderwerp`), described by `levering.yaml` in the folder
 * `bvb_buurtcijfers/`, converted to the long delivery CSV.
 */

const SCALES = SURVEY_SCALES.map((s) => s.column) as [string, ...string[]];

const Delivery = z
	.object({
		jaar: z.number().int().min(2000).max(2100),
		gegevens: z.string().min(1),
		variabelen: z.string().min(1),
		gebied: z.object({
			kolom: z.string().min(1),
			/** CBS buurtcode from the area code: `{code}` is replaced by the value of the column */
			buurtcode: z.string().includes('{code}'),
			onbekend: z.array(z.union([z.string(), z.number()])).default([])
		}),
		onderwerpen: z.record(z.enum(SCALES), z.string().min(1)),
		/** one weight column for every onderwerp, when the export lacks the per-onderwerp weights */
		gewicht: z.string().min(1).optional(),
		gewicht_toelichting: z.string().optional(),
		/** `niet aangeleverd`: the supplier applied its own threshold; no counts in the export */
		respondenten: z.literal('niet aangeleverd').optional(),
		respondenten_toelichting: z.string().optional()
	})
	.strict();
type SurveyFiguresDelivery = z.infer<typeof Delivery>;

/** Reads a CSV (`,` or `;`, UTF-8 or Windows-1252) into its header and rows. */
function readTable(path: string): { header: string[]; rows: string[][] } {
	const bytes = readFileSync(path);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		text = new TextDecoder('windows-1252').decode(bytes);
	}
	text = text.replace(/^\uFEFF/, '');
	const first = text.slice(0, text.indexOf('\n'));
	const delimiter = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
	const [header = [], ...rows] = dsvFormat(delimiter).parseRows(text.replace(/\r?\n$/, ''));
	return { header: header.map((h) => h.trim()), rows };
}

/** Refuses the delivery at a file and line (argument order of this module: where, then what). */
const refuse = (file: string, line: number | null, message: string): never => refuseFile(file, message, line);

/** The delivery description, checked; errors name `levering.yaml` and the line. */
function readDelivery(dir: string, file: string): SurveyFiguresDelivery {
	const path = join(dir, 'levering.yaml');
	const where = `${file}/levering.yaml`;
	if (!existsSync(path))
		refuse(
			where,
			null,
			'ontbreekt: beschrijf de export (jaar, gegevens, variabelen, gebied, onderwerpen); zie docs/aanleverformaat.md'
		);
	const parsed = Delivery.safeParse(parseYaml(readFileSync(path, 'utf8')));
	if (!parsed.success) {
		const first = parsed.error.issues[0]!;
		refuse(where, null, `${first.path.join('.') || '(bestand)'}: ${first.message}`);
	}
	return parsed.data!;
}

/** The export and its variables file as the delivery names them, read. */
function readExport(dir: string, file: string, delivery: SurveyFiguresDelivery) {
	const dataPath = resolve(dir, delivery.gegevens);
	const variablesPath = resolve(dir, delivery.variabelen);
	const dataFile = relative(process.cwd(), dataPath);
	const variablesFile = relative(process.cwd(), variablesPath);
	for (const [p, f] of [
		[dataPath, dataFile],
		[variablesPath, variablesFile]
	] as const)
		if (!existsSync(p))
			refuse(`${file}/levering.yaml`, null, `${f} bestaat niet: controleer gegevens en variabelen`);
	return {
		dataPath,
		variablesPath,
		dataFile,
		variablesFile,
		data: readTable(dataPath),
		variables: readTable(variablesPath)
	};
}

type Export = ReturnType<typeof readExport>;

/** Where an onderwerp's value, weight and respondent count are in the export (column indexes). */
interface OnderwerpColumns {
	onderwerp: string;
	value: number;
	weight: number;
	count: number | null;
}

/**
 * Per onderwerp of the delivery: its value column, and its weight and count columns (from
 * levering.yaml or else the variables file). Refused, naming the file and line, when one is missing.
 */
function planOnderwerpen(options: {
	file: string;
	delivery: SurveyFiguresDelivery;
	exported: Export;
}): OnderwerpColumns[] {
	const { file, delivery } = options;
	const { data, variables, dataFile, variablesFile } = options.exported;
	const column = (name: string) => data.header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
	const vcol = (name: string) => variables.header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
	const [code, weightOf, countOf] = ['Onderwerpcode', 'Aggregatie-onderwerp', 'Drempel-onderwerp'].map(vcol);
	if (code! < 0 || weightOf! < 0 || countOf! < 0)
		refuse(
			variablesFile,
			1,
			'mist een van de kolommen Onderwerpcode, Aggregatie-onderwerp, Drempel-onderwerp'
		);
	return Object.entries(delivery.onderwerpen).map(([onderwerp, name]) => {
		const at = variables.rows.findIndex((r) => r[code!]?.trim().toLowerCase() === name.toLowerCase());
		const line = at >= 0 ? at + 2 : null;
		if (column(name) < 0)
			refuse(
				dataFile,
				1,
				`de kolom ${name} (onderwerp ${onderwerp} in levering.yaml) staat niet in de export`
			);
		if (line === null && (!delivery.gewicht || !delivery.respondenten))
			refuse(
				variablesFile,
				null,
				`${name} staat niet in het variabelenbestand: het gewicht en het aantal respondenten zijn onbekend`
			);
		const weight = delivery.gewicht ?? variables.rows[at]![weightOf!]!.trim();
		if (column(weight) < 0)
			refuse(
				delivery.gewicht ? `${file}/levering.yaml` : variablesFile,
				delivery.gewicht ? null : line,
				`${delivery.gewicht ? 'gewicht' : `Aggregatie-onderwerp ${weight} van ${name}`}: de kolom ${weight} staat niet in ${dataFile}; lever de gewichtkolom mee, of noem onder gewicht in levering.yaml een kolom die er wel is`
			);
		const count = delivery.respondenten ? null : variables.rows[at]![countOf!]!.trim();
		if (count !== null && column(count) < 0)
			refuse(
				variablesFile,
				line,
				`Drempel-onderwerp ${count} van ${name}: de kolom met het aantal respondenten staat niet in ${dataFile}; lever de kolom mee (Koers past zelf de drempel toe), of zet respondenten: niet aangeleverd in levering.yaml als de leverancier de drempel al toepaste`
			);
		return {
			onderwerp,
			value: column(name),
			weight: column(weight),
			count: count === null ? null : column(count)
		};
	});
}

/** Where a line of the long CSV came from: the export's line, and the export column per long column. */
type Origin = Map<number, { line: number; columns: Record<string, number | null> }>;

/**
 * The long CSV's lines, one per area and onderwerp, and where each came from. An area code that maps
 * to no buurt of the division is quarantined (one issue per onderwerp) at the export's line and column.
 */
function longLines(options: {
	delivery: SurveyFiguresDelivery;
	exported: Export;
	plan: OnderwerpColumns[];
	buurten: Set<string>;
}): { lines: string[]; origin: Origin; issues: RowIssue[]; unknownArea: number } {
	const { delivery, plan } = options;
	const { data, dataFile } = options.exported;
	const areaColumn = data.header.findIndex((h) => h.toLowerCase() === delivery.gebied.kolom.toLowerCase());
	if (areaColumn < 0)
		refuse(
			dataFile,
			1,
			`de gebiedskolom ${delivery.gebied.kolom} (gebied.kolom in levering.yaml) staat niet in de export`
		);
	const unknown = new Set(delivery.gebied.onbekend.map(String));
	const issues: RowIssue[] = [];
	const lines = [surveyFiguresSchema.columns.map((c) => c.name).join(';')];
	const origin: Origin = new Map();
	let unknownArea = 0;
	data.rows.forEach((row, i) => {
		const area = row[areaColumn]?.trim() ?? '';
		const buurt = unknown.has(area) ? 'onbekend' : delivery.gebied.buurtcode.replace('{code}', area);
		if (buurt === 'onbekend') unknownArea++;
		else if (!options.buurten.has(buurt)) {
			for (const p of plan)
				issues.push({
					file: dataFile,
					line: i + 2,
					column: areaColumn + 1,
					columnName: delivery.gebied.kolom,
					value: area,
					message: `gebiedscode ${area} wordt ${buurt}, geen buurt van de gebiedsindeling: vul gebied.buurtcode of gebied.onbekend in levering.yaml aan (onderwerp ${p.onderwerp} niet gepubliceerd)`
				});
			return;
		}
		for (const p of plan) {
			const cell = (c: number | null) => (c === null ? '' : (row[c]?.trim() ?? ''));
			lines.push(
				[delivery.jaar, buurt, p.onderwerp, '18+', cell(p.value), cell(p.weight), cell(p.count)].join(';')
			);
			origin.set(lines.length, {
				line: i + 2,
				columns: { buurtcode: areaColumn, waarde: p.value, gewicht: p.weight, respondenten: p.count }
			});
		}
	});
	return { lines, origin, issues, unknownArea };
}

/** What the run report says about the export: its size, the weight and the threshold used. */
function formatNotes(options: {
	delivery: SurveyFiguresDelivery;
	exported: Export;
	onderwerpen: number;
	unknownArea: number;
}): string {
	const { delivery, exported, unknownArea } = options;
	const notes = [
		`${exported.data.rows.length} gebieden × ${options.onderwerpen} onderwerpen uit ${exported.dataFile}`,
		unknownArea ? `${unknownArea} gebied "onbekend" (telt mee in de gemeente, niet in een wijk)` : null,
		delivery.gewicht
			? `gewogen met ${delivery.gewicht} voor elk onderwerp${delivery.gewicht_toelichting ? ` (${delivery.gewicht_toelichting})` : ''}`
			: 'gewogen met het Aggregatie-onderwerp van elk onderwerp',
		delivery.respondenten
			? `aantallen respondenten niet aangeleverd: de drempel is door de leverancier toegepast${delivery.respondenten_toelichting ? ` (${delivery.respondenten_toelichting})` : ''}`
			: 'drempel op het Drempel-onderwerp'
	].filter(Boolean);
	return `buurtcijfers, brede indeling (${notes.join('; ')})`;
}

/**
 * Converts the wide export to the long CSV. Refused, naming the file and line: an onderwerp column,
 * weight column or respondent-count column that is not in the export. An area code that maps to no
 * buurt of the division is quarantined (one row per onderwerp) with the export's line and column.
 */
export async function wideSurveyFiguresToCsv(options: {
	dir: string;
	file: string;
	buurten: Set<string>;
}): Promise<{
	csvPath: string;
	issues: RowIssue[];
	format: string;
	schema: typeof surveyFiguresSchema;
	locate: (issue: RowIssue) => RowIssue;
	/** every file the figures came from, for the checksum of the delivery */
	inputs: string[];
}> {
	const { dir, file } = options;
	const delivery = readDelivery(dir, file);
	const exported = readExport(dir, file, delivery);
	const plan = planOnderwerpen({ file, delivery, exported });
	const { lines, origin, issues, unknownArea } = longLines({
		delivery,
		exported,
		plan,
		buurten: options.buurten
	});
	const csvPath = await writeConvertedCsv('koers-bvbcijfers-', 'bvb_buurtcijfers.csv', lines);
	// A problem the checks find in the long CSV, at its place in the export.
	const locate = (issue: RowIssue): RowIssue => {
		const from = issue.line !== null ? origin.get(Number(issue.line)) : undefined;
		if (!from) return issue;
		const column = issue.columnName !== null ? from.columns[issue.columnName] : undefined;
		return {
			...issue,
			file: exported.dataFile,
			line: from.line,
			column: column === undefined || column === null ? null : column + 1,
			columnName: column === undefined || column === null ? issue.columnName : exported.data.header[column]!
		};
	};
	return {
		csvPath,
		issues,
		locate,
		schema: delivery.respondenten ? surveyFiguresWithoutCountsSchema : surveyFiguresSchema,
		format: formatNotes({ delivery, exported, onderwerpen: plan.length, unknownArea }),
		inputs: [join(dir, 'levering.yaml'), exported.dataPath, exported.variablesPath]
	};
}
