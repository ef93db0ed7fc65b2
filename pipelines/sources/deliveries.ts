import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import type { DivisionAreas } from '../../src/lib/gemeente/division';
import type { readDeliveryInfo } from '../../src/lib/gemeente/folder';
import { PipelineError, type RowIssue } from '../errors';
import type { SourceDefinition } from './registry';

/**
 * The forms a source may be delivered in besides its CSV (XLSX, SPSS, a wide statistics export,
 * a folder of iWmo/iJw messages), each converted to the delivery CSV so it passes the same checks.
 * Each converter is loaded when a delivery needs it: their libraries (ExcelJS, the SPSS and XML
 * readers) cost a CSV-only run most of its start-up otherwise.
 */

/** Converts a folder of iWmo or iJw messages, with the gemeente's postcode → buurt table beside it. */
async function convertMessages(options: {
	standard: 'iwmo' | 'ijw';
	rawDir: string;
	path: string;
	file: string;
	deliveryDate: string | undefined;
}) {
	const label = options.standard === 'iwmo' ? 'iWmo' : 'iJw';
	const postcodeFile = join(options.rawDir, 'postcode_buurt.csv');
	if (!existsSync(postcodeFile)) {
		throw new PipelineError(
			`${relative(process.cwd(), postcodeFile)} ontbreekt: ${label}-berichten hebben een postcode, geen buurt; lever de koppeltabel postcode;buurtcode mee`
		);
	}
	if (!options.deliveryDate) {
		throw new PipelineError(
			`${relative(process.cwd(), join(options.rawDir, 'bron.json'))} mist "peildatum_levering": nodig om lopende van beëindigde toewijzingen te onderscheiden`
		);
	}
	const [{ iwmoToCsv, readPostcodes }, { ijwToCsv }] = await Promise.all([
		import('./messages/iwmo'),
		import('./messages/ijw')
	]);
	const convert = options.standard === 'iwmo' ? iwmoToCsv : ijwToCsv;
	const result = await convert({
		dir: options.path,
		file: options.file,
		postcodes: await readPostcodes(postcodeFile),
		deliveryDate: options.deliveryDate
	});
	return { ...result, format: `${result.summary}, buurt via postcode_buurt.csv` };
}

/** A delivery in another form than the CSV, converted to the delivery CSV (a temp copy the caller removes). */
export interface Converted {
	csvPath: string;
	/** rows rejected before the CSV was written */
	issues: RowIssue[];
	format: string;
	/** the schema the CSV is checked against, when the delivery decides it */
	schema?: SourceDefinition['schema'];
	/** where a problem in the CSV is in what was delivered */
	locate?: (issue: RowIssue) => RowIssue;
	/** checksum of what was delivered (file, folder or the files a description names) */
	sha256: string;
}

/** Converts XLSX, SPSS, a wide statistics export or a message folder; null for a CSV. */
export async function convertDelivery(options: {
	source: SourceDefinition;
	fileName: string;
	path: string;
	file: string;
	rawDir: string;
	info: ReturnType<typeof readDeliveryInfo>;
	areas: DivisionAreas;
}): Promise<Converted | null> {
	const { source, fileName, path, file } = options;
	const fileHash = () => createHash('sha256').update(readFileSync(path)).digest('hex');
	if (fileName.endsWith('.xlsx'))
		return { ...(await convertXlsx({ path, file, schema: source.schema })), sha256: fileHash() };
	if (fileName.endsWith('.sav'))
		return {
			...(await (await import('./sav')).savToCsv({ path, file, schema: source.schema })),
			sha256: fileHash()
		};
	if (source.wideFolder && fileName === source.stem) {
		const { wideSurveyFiguresToCsv } = await import('./survey-figures');
		const wide = await wideSurveyFiguresToCsv({
			dir: path,
			file,
			buurten: new Set(options.areas.buurten.map((b) => b.code))
		});
		return { ...wide, sha256: filesHash(wide.inputs) };
	}
	if (source.messages && fileName === source.messages) {
		const messages = await convertMessages({
			standard: source.messages,
			rawDir: options.rawDir,
			path,
			file,
			deliveryDate: options.info?.peildatum_levering ?? undefined
		});
		return { ...messages, sha256: folderHash(path) };
	}
	return null;
}

/** The ways a source may be delivered, as names in the gemeente's folder. */
export function deliveryCandidates(source: SourceDefinition): string[] {
	return [
		`${source.stem}.csv`,
		`${source.stem}.xlsx`,
		...(source.spss ? [`${source.stem}.sav`] : []),
		...(source.wideFolder ? [source.stem] : []),
		...(source.messages ? [source.messages] : [])
	];
}

/** A checksum over files, in the given order. */
function filesHash(paths: string[]): string {
	const hash = createHash('sha256');
	for (const p of paths) hash.update(p.split('/').at(-1)!).update(readFileSync(p));
	return hash.digest('hex');
}

/** A checksum over every file in a folder, in name order. */
function folderHash(dir: string): string {
	const hash = createHash('sha256');
	for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(join(dir, f)));
	return hash.digest('hex');
}

/** Converts an XLSX export to CSV; nothing is rejected before the checks. */
async function convertXlsx(options: { path: string; file: string; schema: SourceDefinition['schema'] }) {
	const { xlsxToCsv } = await import('./xlsx');
	const { csvPath, sheet } = await xlsxToCsv(options);
	return { csvPath, issues: [], format: `XLSX (werkblad "${sheet}", Excel-datums omgezet naar dd-mm-jjjj)` };
}
