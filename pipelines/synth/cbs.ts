import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nationalGemeenten } from './national';
import { Random } from './random';

/** A CBS table ID for the sample: CBS's own Wmo table, so the intake is tried on its real layout. */
const TABLE = '86050NED';
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
}

/**
 * Writes a CBS table in CBS's own OData layout (DataProperties, TypedDataSet, RegioS, Perioden,
 * TableInfos) under `<raw>/cbs/86050NED/`, labelled VOORBEELDDATA in its title: the sample's gemeenten
 * with the clients counted from their own synthetic registrations (in the period, as CBS counts, not on
 * the peildatum as Koers does), every other gemeente of the country generated around the national rate,
 * and Nederland as their sum. No real figure is in it.
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
	const pad = (key: string) => key.padEnd(key.startsWith('NL') ? 8 : 10, ' ');
	const odata = (resource: string, value: unknown[]) =>
		JSON.stringify(
			{
				'odata.metadata': `https://opendata.cbs.nl/ODataApi/OData/${TABLE}/$metadata#Cbs.OData.WebAPI.${resource}`,
				value
			},
			null,
			1
		) + '\n';
	const rows: unknown[] = [];
	for (const r of regions)
		for (const year of YEARS) {
			const clients = r.clients[year];
			const inhabitants = r.inhabitants[year];
			rows.push({
				ID: rows.length,
				RegioS: pad(r.code),
				Perioden: `${year}JJ00`,
				// CBS publishes these counts rounded to multiples of 5.
				WmoClienten_1: clients === undefined ? null : Math.round(clients / 5) * 5,
				WmoClientenPer1000Inwoners_2:
					clients !== undefined && inhabitants ? Math.round((clients / inhabitants) * 1000) : null
			});
		}
	const dir = join(options.raw, 'cbs', TABLE);
	await mkdir(dir, { recursive: true });
	await writeFile(
		join(dir, 'TableInfos.json'),
		odata('TableInfo', [
			{
				ID: 0,
				Title: 'VOORBEELDDATA (synthetisch): Wmo-cliënten; regio',
				Identifier: TABLE,
				Status: 'Regulier',
				Frequency: 'Perjaar',
				Period: `${YEARS[0]}-${YEARS.at(-1)}`
			}
		])
	);
	await writeFile(
		join(dir, 'DataProperties.json'),
		odata('DataProperty', [
			{
				'odata.type': 'Cbs.OData.WebAPI.GeoDimension',
				ID: 0,
				Position: 0,
				ParentID: null,
				Type: 'GeoDimension',
				Key: 'RegioS',
				Title: "Regio's",
				Description: '',
				Default: 'None',
				PresentationType: 'None',
				MapYear: '2024',
				ReleasePolicy: true
			},
			{
				'odata.type': 'Cbs.OData.WebAPI.TimeDimension',
				ID: 1,
				Position: 1,
				ParentID: null,
				Type: 'TimeDimension',
				Key: 'Perioden',
				Title: 'Perioden',
				Description: '',
				Default: 'None',
				PresentationType: 'None'
			},
			{
				'odata.type': 'Cbs.OData.WebAPI.Topic',
				ID: 2,
				Position: 2,
				ParentID: null,
				Type: 'Topic',
				Key: 'WmoClienten_1',
				Title: 'Wmo-cliënten',
				Description: 'Personen met ten minste één maatwerkvoorziening Wmo in de periode.',
				Datatype: 'Long',
				Unit: 'aantal',
				Decimals: 0,
				Default: 'Impossible',
				PresentationType: 'Absolute'
			},
			{
				'odata.type': 'Cbs.OData.WebAPI.Topic',
				ID: 3,
				Position: 3,
				ParentID: null,
				Type: 'Topic',
				Key: 'WmoClientenPer1000Inwoners_2',
				Title: 'Wmo-cliënten per 1 000 inwoners',
				Description: '',
				Datatype: 'Double',
				Unit: 'per 1 000 inwoners',
				Decimals: 0,
				Default: 'Impossible',
				PresentationType: 'Relative'
			}
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
