import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GEMEENTEN_FILE } from '../sources/cbs/gemeenten';
import { nationalGemeenten } from './national';
import { Random } from './random';

/** CBS's own table IDs, so the intake is tried on their real layout: Wmo-cliënten and Regionale kerncijfers. */
const WMO_TABLE = '86050NED';
const POPULATION_TABLE = '70072NED';
/** Client counts below this are kept secret in the sample, as CBS does with small counts. */
const SECRET_BELOW = 300;
/** The years the sample's CBS table covers; the last one is voorlopig (`*`), as CBS publishes it. */
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
/** Wmo clients per inhabitant nationally (CBS: 72 per 1.000 in 2024), the centre of the generated rates. */
const NATIONAL_RATE = 0.072;

/** What the sample knows of one of its own gemeenten: clients in each year and inhabitants. */
export interface SampleWmoFigures {
	code: string;
	name: string;
	/** persons with a WMO voorziening on at least one day of the year (how CBS counts) */
	clients: Record<number, number>;
	inhabitants: Record<number, number>;
	/** its province (CBS code PVnn) */
	province: string;
}

/**
 * Writes the CBS open data the benchmark reads, in CBS's own layouts and labelled VOORBEELDDATA:
 * 86050NED (Wmo-cliënten) with the sample's gemeenten counted from their own synthetic registrations
 * (in the period, as CBS counts, not on the peildatum as Koers does), every other gemeente of the
 * country generated around the national rate and Nederland as their sum; 70072NED (inhabitants on
 * 1 January) for the same regions; and CBS's list of gemeenten with their province. No real figure.
 */
export async function writeCbsSample(options: { raw: string; seed: number; sample: SampleWmoFigures[] }) {
	const rng = new Random(options.seed + 86_050);
	const own = new Set(options.sample.map((s) => s.code));
	const generated = nationalGemeenten(options.seed)
		.filter((g) => !own.has(g.code))
		.map((g) => {
			const rate = NATIONAL_RATE * Math.exp(rng.normal(0, 0.18));
			const inhabitants: Record<number, number> = {};
			const clients: Record<number, number> = {};
			for (const year of YEARS) {
				inhabitants[year] = Math.round(g.inhabitants * 1.006 ** (year - 2024));
				clients[year] = Math.round(
					inhabitants[year]! * rate * (1 + 0.015 * (year - 2024)) * (1 + rng.normal(0, 0.01))
				);
			}
			return { code: g.code, name: g.name, clients, inhabitants };
		});
	const gemeenten = [...options.sample, ...generated];
	const nederland = {
		code: 'NL01',
		name: 'Nederland',
		clients: Object.fromEntries(
			YEARS.map((y) => [y, gemeenten.reduce((n, g) => n + (g.clients[y] ?? 0), 0)])
		),
		inhabitants: Object.fromEntries(
			YEARS.map((y) => [y, gemeenten.reduce((n, g) => n + (g.inhabitants[y] ?? 0), 0)])
		)
	};
	const regions = [nederland, ...gemeenten];
	// CBS publishes these counts rounded to multiples of 5, and keeps small ones secret.
	const published = (r: SampleRegion, y: number) => {
		const c = r.clients[y];
		return c === undefined || c < SECRET_BELOW ? null : c;
	};
	await writeODataTable({
		dir: join(options.raw, 'cbs', WMO_TABLE),
		id: WMO_TABLE,
		title: 'VOORBEELDDATA (synthetisch): Wmo-cliënten; regio',
		regions,
		topics: [
			{
				key: 'WmoClienten_1',
				title: 'Wmo-cliënten',
				description: 'Personen met ten minste één maatwerkvoorziening Wmo in de periode.',
				unit: 'aantal',
				datatype: 'Long',
				value: (r, y) => {
					const c = published(r, y);
					return c === null ? null : Math.round(c / 5) * 5;
				}
			},
			{
				key: 'WmoClientenPer1000Inwoners_2',
				title: 'Wmo-cliënten per 1 000 inwoners',
				unit: 'per 1 000 inwoners',
				datatype: 'Double',
				value: (r, y) => {
					const c = published(r, y);
					const i = r.inhabitants[y];
					return c === null || !i ? null : Math.round((c / i) * 1000);
				}
			}
		]
	});
	// Inhabitants on 1 January (CBS Regionale kerncijfers): the size class of every gemeente.
	await writeODataTable({
		dir: join(options.raw, 'cbs', POPULATION_TABLE),
		id: POPULATION_TABLE,
		title: 'VOORBEELDDATA (synthetisch): Regionale kerncijfers Nederland',
		regions,
		topics: [
			{
				key: 'TotaleBevolking_1',
				title: 'Totale bevolking',
				description: 'Bevolking op 1 januari.',
				unit: 'aantal',
				datatype: 'Long',
				value: (r, y) => r.inhabitants[y] ?? null
			}
		]
	});
	await writeFile(
		join(options.raw, 'cbs', GEMEENTEN_FILE),
		gemeentenAlfabetisch(options.seed, gemeenten, options.sample)
	);
}

/** Real numbers of gemeenten per province on 1 January 2024 (342 in all), for the sample's division. */
const PROVINCES: [code: string, name: string, gemeenten: number][] = [
	['PV20', 'Groningen', 10],
	['PV21', 'Fryslân', 18],
	['PV22', 'Drenthe', 12],
	['PV23', 'Overijssel', 25],
	['PV24', 'Flevoland', 6],
	['PV25', 'Gelderland', 51],
	['PV26', 'Utrecht', 26],
	['PV27', 'Noord-Holland', 44],
	['PV28', 'Zuid-Holland', 50],
	['PV29', 'Zeeland', 13],
	['PV30', 'Noord-Brabant', 56],
	['PV31', 'Limburg', 31]
];

/**
 * CBS's "Gemeenten alfabetisch" list as CSV (its columns, `;`-separated): the sample's own gemeenten in
 * their real province, the generated ones spread over the provinces in the real numbers.
 */
function gemeentenAlfabetisch(
	seed: number,
	gemeenten: { code: string; name: string }[],
	sample: SampleWmoFigures[]
): string {
	const rng = new Random(seed + 342);
	const pool = PROVINCES.flatMap(([code, , n]) =>
		Array.from({ length: n - sample.filter((s) => s.province === code).length }, () => code)
	);
	for (let i = pool.length - 1; i > 0; i--) {
		const j = rng.int(0, i);
		[pool[i], pool[j]] = [pool[j]!, pool[i]!];
	}
	let next = 0;
	const lines = gemeenten
		.map((g) => {
			const province = sample.find((s) => s.code === g.code)?.province ?? pool[next++]!;
			const [, name] = PROVINCES.find(([c]) => c === province)!;
			return [g.code.slice(2), g.code, g.name, province.slice(2), province, name];
		})
		.sort((a, b) => a[2]!.localeCompare(b[2]!, 'nl'));
	return (
		[
			'Gemeentecode;GemeentecodeGM;Gemeentenaam;Provinciecode;ProvinciecodePV;Provincienaam',
			...lines.map((l) => l.join(';'))
		].join('\r\n') + '\r\n'
	);
}

/** A region of a sample table: its key and name and what the topics read from it. */
interface SampleRegion {
	code: string;
	name: string;
	clients: Record<number, number>;
	inhabitants: Record<number, number>;
}

/**
 * Writes one CBS table in CBS's own OData layout (TableInfos, DataProperties, RegioS, Perioden,
 * TypedDataSet) with space-padded region keys and the last year voorlopig (`*`), as CBS publishes.
 */
async function writeODataTable(options: {
	dir: string;
	id: string;
	title: string;
	regions: SampleRegion[];
	topics: {
		key: string;
		title: string;
		description?: string;
		unit: string;
		datatype: 'Long' | 'Double';
		value: (r: SampleRegion, year: number) => number | null;
	}[];
}) {
	const { dir, id, regions, topics } = options;
	const pad = (key: string) => key.padEnd(key.startsWith('NL') ? 8 : 10, ' ');
	const odata = (resource: string, value: unknown[]) =>
		JSON.stringify(
			{
				'odata.metadata': `https://opendata.cbs.nl/ODataApi/OData/${id}/$metadata#Cbs.OData.WebAPI.${resource}`,
				value
			},
			null,
			1
		) + '\n';
	const rows: unknown[] = [];
	for (const r of regions)
		for (const year of YEARS)
			rows.push({
				ID: rows.length,
				RegioS: pad(r.code),
				Perioden: `${year}JJ00`,
				...Object.fromEntries(topics.map((t) => [t.key, t.value(r, year)]))
			});
	await mkdir(dir, { recursive: true });
	await writeFile(
		join(dir, 'TableInfos.json'),
		odata('TableInfo', [
			{
				ID: 0,
				Title: options.title,
				Identifier: id,
				Status: 'Regulier',
				Frequency: 'Perjaar',
				Period: `${YEARS[0]}-${YEARS.at(-1)}`
			}
		])
	);
	const dimension = (
		position: number,
		type: 'GeoDimension' | 'TimeDimension',
		key: string,
		title: string
	) => ({
		'odata.type': `Cbs.OData.WebAPI.${type}`,
		ID: position,
		Position: position,
		ParentID: null,
		Type: type,
		Key: key,
		Title: title,
		Description: '',
		Default: 'None',
		PresentationType: 'None',
		...(type === 'GeoDimension' ? { MapYear: '2024', ReleasePolicy: true } : {})
	});
	await writeFile(
		join(dir, 'DataProperties.json'),
		odata('DataProperty', [
			dimension(0, 'GeoDimension', 'RegioS', "Regio's"),
			dimension(1, 'TimeDimension', 'Perioden', 'Perioden'),
			...topics.map((t, i) => ({
				'odata.type': 'Cbs.OData.WebAPI.Topic',
				ID: i + 2,
				Position: i + 2,
				ParentID: null,
				Type: 'Topic',
				Key: t.key,
				Title: t.title,
				Description: t.description ?? '',
				Datatype: t.datatype,
				Unit: t.unit,
				Decimals: 0,
				Default: 'Impossible',
				PresentationType: t.datatype === 'Long' ? 'Absolute' : 'Relative'
			}))
		])
	);
	await writeFile(
		join(dir, 'RegioS.json'),
		odata(
			'Dimension',
			regions.map((r) => ({ Key: pad(r.code), Title: r.name, Description: null, CategoryGroupID: null }))
		)
	);
	await writeFile(
		join(dir, 'Perioden.json'),
		odata(
			'TimeDimension',
			YEARS.map((y) => ({
				Key: `${y}JJ00`,
				Title: y === YEARS.at(-1) ? `${y}*` : String(y),
				Description: '',
				Status: y === YEARS.at(-1) ? 'Voorlopig' : 'Definitief'
			}))
		)
	);
	await writeFile(join(dir, 'TypedDataSet.json'), odata('TypedDataSet', rows));
}

/** Clients counted as CBS does: persons with a voorziening on at least one day of the year. */
export function clientsPerYear(
	records: { clientnummer: string; startdatum: Date; einddatum: Date | null }[]
) {
	const out: Record<number, number> = {};
	for (const year of YEARS) {
		const from = Date.UTC(year, 0, 1);
		const to = Date.UTC(year, 11, 31);
		const persons = new Set<string>();
		for (const r of records)
			if (r.startdatum.getTime() <= to && (r.einddatum === null || r.einddatum.getTime() >= from))
				persons.add(r.clientnummer);
		out[year] = persons.size;
	}
	return out;
}
