/**
 * Throughput of the readers for the inputs gemeenten really hold (BENCHMARKS.md section 7): iWmo and
 * iJw 3.2 message folders and an SPSS file written from the synthetic sample (the `.sav` by PSPP), and
 * the real wide statistics export, at their own size and at 10×. Each figure is the conversion to the
 * delivery CSV (XSD validation included for messages), in this process.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultPaths } from '../../pipelines/config';
import { ijwToCsv } from '../../pipelines/sources/messages/ijw';
import { iwmoToCsv, readPostcodes } from '../../pipelines/sources/messages/iwmo';
import { writeSample } from '../../pipelines/synth/index';
import { writeMessages } from '../../pipelines/synth/messages';
import { savToCsv } from '../../pipelines/sources/sav';
import { wideSurveyFiguresToCsv } from '../../pipelines/sources/survey-figures';
import { surveySchema } from '../../src/lib/schemas/survey';
import { surveySav } from '../helpers/pspp';
import { cpSync, writeFileSync } from 'node:fs';

export interface ReaderFigure {
	reader: string;
	scale: number;
	runs?: number;
	/** messages, files or rows read */
	units: number;
	unit: string;
	/** rows of the delivery CSV it produced */
	rows: number;
	seconds: number[];
}

const DELIVERY_DATE = '2025-01-31';

/** Messages of both standards from the sample (Zwolle's registrations) at a scale, timed `runs` times. */
async function messageReaders(options: { scale: number; runs: number }): Promise<ReaderFigure[]> {
	const raw = mkdtempSync(join(tmpdir(), 'koers-bench-readers-'));
	try {
		await writeSample({ paths: { ...defaultPaths(), raw }, scale: options.scale });
		const dir = join(raw, 'GM0193');
		const postcodeFile = join(dir, 'postcode_buurt.csv');
		const figures: ReaderFigure[] = [];
		for (const [standard, stem, convert] of [
			['iwmo', 'wmo_voorzieningen', iwmoToCsv],
			['ijw', 'jeugdhulp_trajecten', ijwToCsv]
		] as const) {
			const folder = join(dir, standard);
			const csv = readFileSync(join(dir, `${stem}.csv`), 'utf8');
			await writeMessages({
				standard,
				csv,
				dir: folder,
				postcodeFile,
				gemeente: 'GM0193',
				deliveryDate: DELIVERY_DATE
			});
			const postcodes = await readPostcodes(postcodeFile);
			const seconds: number[] = [];
			let units = 0;
			let rows = 0;
			for (let i = 0; i < options.runs; i++) {
				const started = performance.now();
				const result = await convert({ dir: folder, file: standard, postcodes, deliveryDate: DELIVERY_DATE });
				seconds.push((performance.now() - started) / 1000);
				units = result.messages;
				rows = readFileSync(result.csvPath, 'utf8').trim().split('\n').length - 1;
				rmSync(dirname(result.csvPath), { recursive: true, force: true });
			}
			figures.push({
				reader: standard === 'iwmo' ? 'iWmo 3.2-berichten' : 'iJw 3.2-berichten',
				scale: options.scale,
				units,
				unit: 'berichten',
				rows,
				seconds
			});
			rmSync(folder, { recursive: true, force: true });
		}
		figures.push(
			await timed(
				{
					reader: 'SPSS .sav (Buurt-voor-Buurt)',
					scale: options.scale,
					runs: options.runs,
					unit: 'gevallen'
				},
				async () => {
					const sav = join(raw, 'bvb.sav');
					if (!existsSync(sav)) surveySav({ csv: join(dir, 'bvb_respondenten.csv'), out: sav });
					return savToCsv({ path: sav, file: 'bvb.sav', schema: surveySchema });
				}
			)
		);
		figures.push(
			await timed(
				{
					reader: 'buurtcijfers, brede indeling (echte export)',
					scale: options.scale,
					runs: options.runs,
					unit: 'gebieden'
				},
				async () => {
					const folder = join(raw, 'wide');
					if (!existsSync(folder)) wideExport(folder, options.scale);
					return wideSurveyFiguresToCsv({ dir: folder, file: 'wide', buurten: WIDE_BUURTEN });
				}
			)
		);
		return figures;
	} finally {
		rmSync(raw, { recursive: true, force: true });
	}
}

/** Times a conversion `runs` times; units are the CSV's rows (cases, or areas × onderwerpen / 6). */
async function timed(
	f: Omit<ReaderFigure, 'seconds' | 'units' | 'rows'>,
	convert: () => Promise<{ csvPath: string }>
): Promise<ReaderFigure> {
	const seconds: number[] = [];
	let rows = 0;
	for (let i = 0; i < f.runs!; i++) {
		const started = performance.now();
		const { csvPath } = await convert();
		seconds.push((performance.now() - started) / 1000);
		rows = readFileSync(csvPath, 'utf8').trim().split('\n').length - 1;
		rmSync(dirname(csvPath), { recursive: true, force: true });
	}
	return { ...f, units: f.unit === 'gebieden' ? rows / 6 : rows, rows, seconds };
}

const REAL = 'data/echt/GM0193/bvb_buurtcijfers';
const ZEBRA = 'data/reference/zwolle/zwolle_zebra_buurt_2014.csv';
const WIDE_BUURTEN = new Set(
	readFileSync(ZEBRA, 'utf8')
		.split('\n')
		.map((l) => l.split(',')[0]!)
		.filter((c) => c.startsWith('BU'))
);

/** The real wide export in a folder of its own, its data rows repeated `scale` times. */
function wideExport(folder: string, scale: number): void {
	cpSync(REAL, folder, { recursive: true });
	const [header, ...rows] = readFileSync(ZEBRA, 'utf8').trim().split('\n');
	writeFileSync(
		join(folder, 'buurt.csv'),
		[header, ...Array.from({ length: scale }, () => rows).flat()].join('\n') + '\n'
	);
	cpSync('data/reference/zwolle/zwolle_zebra_variabelen_2014.csv', join(folder, 'variabelen.csv'));
	const yaml = readFileSync(join(folder, 'levering.yaml'), 'utf8')
		.replace(/^gegevens: .*$/m, 'gegevens: buurt.csv')
		.replace(/^variabelen: .*$/m, 'variabelen: variabelen.csv');
	writeFileSync(join(folder, 'levering.yaml'), yaml);
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const nl = (x: number, d = 0) =>
	x.toLocaleString('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d });

/** Every reader at the sample's size (median of `runs`) and at 10× (one run: the folder alone is large). */
export async function readersBench(runs: number): Promise<ReaderFigure[]> {
	return [...(await messageReaders({ scale: 1, runs })), ...(await messageReaders({ scale: 10, runs: 1 }))];
}

export function readersSection(figures: ReaderFigure[]): string {
	const rows = figures.map((f) => {
		const s = median(f.seconds);
		return `| ${f.reader} | ${f.scale}× | ${nl(f.units)} ${f.unit} | ${nl(f.rows)} | ${nl(s, 1)} s | ${nl(f.units / s)} ${f.unit}/s | ${nl(f.rows / s)} |`;
	});
	return `## 7. Readers for the inputs gemeenten hold
Conversion of a delivery in a national or statistical format to the delivery CSV, in one process (2 cores):
reading, XSD validation with xmllint (two processes at a time), applying the message rules, writing the CSV.
Messages are written from Zwolle's synthetic registrations by \`pipelines/synth/messages.ts\` (one client per
message, as release 3.2 prescribes), the \`.sav\` by PSPP from the synthetic survey; the wide export is the real
2014 statistics-catalogue file (79 areas × 6 schaalscores), repeated 10× for the larger size. 1×: median of the
runs, 10×: one run.
| reader | size | input | rows out | time | throughput | rows/s |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
}
