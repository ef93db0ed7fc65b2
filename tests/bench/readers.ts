/**
 * Throughput of the readers for the inputs gemeenten really hold (BENCHMARKS.md section 7): iWmo and
 * iJw 3.2 message folders written from the synthetic sample, at its own size and at 10×. Each figure
 * is the conversion to the delivery CSV, XSD validation included, in this process.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultPaths } from '../../pipelines/config';
import { ijwToCsv } from '../../pipelines/sources/messages/ijw';
import { iwmoToCsv, readPostcodes } from '../../pipelines/sources/messages/iwmo';
import { writeSample } from '../../pipelines/synth/index';
import { writeMessages } from '../../pipelines/synth/messages';

export interface ReaderFigure {
	reader: string;
	scale: number;
	/** messages, files or rows read */
	units: number;
	unit: string;
	/** rows of the delivery CSV it produced */
	rows: number;
	seconds: number[];
}

const DELIVERY_DATE = '2025-01-31';

/** Messages of both standards from the sample (Zwolle's registrations) at a scale, timed `runs` times. */
export async function messageReaders(options: { scale: number; runs: number }): Promise<ReaderFigure[]> {
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
		return figures;
	} finally {
		rmSync(raw, { recursive: true, force: true });
	}
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
message, as release 3.2 prescribes); 1×: median of the runs, 10×: one run.
| reader | size | input | rows out | time | throughput | rows/s |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
}
