import { Random } from './random';

/** Doelen of the synthetic programme 2 Sociaal domein with their Iv3 taakvelden before and from 2023. */
const DOELEN = [
	{
		doel: '2.1.1',
		naam: 'Ondersteuning in de wijk',
		base: 11_400_000,
		baten: 0,
		before: ['6.2'],
		from2023: ['6.2']
	},
	{
		doel: '2.1.2',
		naam: 'Maatwerkvoorzieningen Wmo',
		base: 38_000_000,
		baten: 2_100_000,
		before: ['6.6', '6.71', '6.81'],
		from2023: ['6.6', '6.71a', '6.71b', '6.71c', '6.81a']
	},
	{
		doel: '2.1.3',
		naam: 'Jeugdhulp',
		base: 41_000_000,
		baten: 300_000,
		before: ['6.72', '6.82'],
		from2023: ['6.72a', '6.72b', '6.73a', '6.73b', '6.82a']
	},
	{
		doel: '2.2.1',
		naam: 'Werk en inkomen',
		base: 72_000_000,
		baten: 58_000_000,
		before: ['6.3', '6.4', '6.5'],
		from2023: ['6.3', '6.4', '6.5']
	}
];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const PHASES = ['primitieve begroting', 'begroting na wijziging', 'realisatie'] as const;

/** One row of the financial export. */
export interface BatenLastenRecord {
	jaar: number;
	programma: string;
	doel: string;
	doel_naam: string;
	taakveld: string;
	fase: (typeof PHASES)[number];
	lasten: number;
	baten: number;
	toevoeging_reserves: number;
	onttrekking_reserves: number;
}

/** One krediet line of the begroting. */
export interface KredietRecord {
	jaar: number;
	doel: string;
	krediet: string;
	status: 'vastgesteld' | 'voorgesteld';
	omvang: number;
	gerealiseerd_tm_vorig_jaar: number;
	raming_vorig_jaar: number;
	raming_begrotingsjaar: number;
	raming_later: number;
}

/** One bestedingsvoorstel. */
export interface BestedingRecord {
	jaar: number;
	soort: 'incidenteel' | 'structureel';
	nummer: number;
	doel: string;
	omschrijving: string;
	bedrag: number;
}

/** The seed's row: Zwolle begroting 2023, doel 2.1.1, reproduced exactly in the primitieve begroting. */
export const SEED_2023_211 = {
	lasten: 12_216_821,
	baten: 0,
	toevoeging_reserves: 265_000,
	onttrekking_reserves: 118_000
};

/** Generates the financial exports of programme 2 Sociaal domein, deterministic from the seed. */
export function generateFinancien(options: { seed: number }): {
	batenLasten: BatenLastenRecord[];
	kredieten: KredietRecord[];
	bestedingen: BestedingRecord[];
} {
	const rng = new Random(options.seed);
	const batenLasten: BatenLastenRecord[] = [];
	for (const year of YEARS) {
		for (const d of DOELEN) {
			const taakvelden = year >= 2023 ? d.from2023 : d.before;
			const growth = 1.035 ** (year - 2019);
			const shares = taakvelden.map(() => 0.5 + rng.next());
			const total = shares.reduce((a, b) => a + b, 0);
			let amended = 1 + rng.normal(0, 0.03);
			let realised = amended * (1 + rng.normal(-0.01, 0.04));
			for (const [i, taakveld] of taakvelden.entries()) {
				const share = shares[i]! / total;
				const seed = year === 2023 && d.doel === '2.1.1';
				const base = {
					lasten: seed ? SEED_2023_211.lasten : Math.round(d.base * growth * share),
					baten: seed ? SEED_2023_211.baten : Math.round(d.baten * growth * share),
					toevoeging_reserves: seed
						? SEED_2023_211.toevoeging_reserves
						: i === 0
							? Math.round(rng.next() * 300) * 1000
							: 0,
					onttrekking_reserves: seed
						? SEED_2023_211.onttrekking_reserves
						: i === 0
							? Math.round(rng.next() * 200) * 1000
							: 0
				};
				for (const fase of PHASES) {
					const f =
						fase === 'primitieve begroting' ? 1 : fase === 'begroting na wijziging' ? amended : realised;
					batenLasten.push({
						jaar: year,
						programma: '2',
						doel: d.doel,
						doel_naam: d.naam,
						taakveld,
						fase,
						lasten: Math.round(base.lasten * f),
						baten: Math.round(base.baten * f),
						toevoeging_reserves: base.toevoeging_reserves,
						onttrekking_reserves: base.onttrekking_reserves
					});
				}
				amended = 1 + rng.normal(0, 0.03);
				realised = amended * (1 + rng.normal(-0.01, 0.04));
			}
		}
	}
	const kredieten: KredietRecord[] = [
		{
			jaar: 2023,
			doel: '2.1.1',
			krediet: 'Voorbereidingskrediet SWT',
			status: 'voorgesteld',
			omvang: 265_000,
			gerealiseerd_tm_vorig_jaar: 0,
			raming_vorig_jaar: 0,
			raming_begrotingsjaar: 265_000,
			raming_later: 0
		},
		{
			jaar: 2023,
			doel: '2.1.2',
			krediet: 'Vervanging hulpmiddelendepot',
			status: 'vastgesteld',
			omvang: 1_200_000,
			gerealiseerd_tm_vorig_jaar: 450_000,
			raming_vorig_jaar: 300_000,
			raming_begrotingsjaar: 250_000,
			raming_later: 200_000
		},
		{
			jaar: 2023,
			doel: '2.1.3',
			krediet: 'Inrichting jeugdhulplocatie Holtenbroek',
			status: 'vastgesteld',
			omvang: 850_000,
			gerealiseerd_tm_vorig_jaar: 120_000,
			raming_vorig_jaar: 430_000,
			raming_begrotingsjaar: 300_000,
			raming_later: 0
		},
		{
			jaar: 2024,
			doel: '2.1.1',
			krediet: 'Voorbereidingskrediet SWT',
			status: 'vastgesteld',
			omvang: 265_000,
			gerealiseerd_tm_vorig_jaar: 0,
			raming_vorig_jaar: 265_000,
			raming_begrotingsjaar: 0,
			raming_later: 0
		}
	];
	const bestedingen: BestedingRecord[] = [
		{
			jaar: 2023,
			soort: 'incidenteel',
			nummer: 11,
			doel: '2.1.1',
			omschrijving: 'Voorbereidingskrediet SWT',
			bedrag: 265_000
		},
		{
			jaar: 2023,
			soort: 'incidenteel',
			nummer: 12,
			doel: '2.1.1',
			omschrijving: 'Formatieuitbreiding SWT n.a.v. AEF onderzoek',
			bedrag: 350_000
		},
		{
			jaar: 2023,
			soort: 'incidenteel',
			nummer: 13,
			doel: '2.1.1',
			omschrijving: 'Aanpassing GIDSO Systeem',
			bedrag: 120_000
		},
		{
			jaar: 2023,
			soort: 'structureel',
			nummer: 9,
			doel: '2.1.1',
			omschrijving: 'Formatieuitbreiding SWT n.a.v. AEF onderzoek',
			bedrag: 480_000
		}
	];
	return { batenLasten, kredieten, bestedingen };
}
