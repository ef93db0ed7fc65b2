import type { NodeEngine } from '../../src/lib/db/node.server';
import { aggregateSurvey } from '../publish/aggregate-survey';
import { aggregateWmo } from '../publish/aggregate-wmo';
import type { Identifier } from '../../src/lib/disclosure/pseudonymise';
import type { FileSchema } from '../../src/lib/schemas/column';
import { surveySchema } from '../../src/lib/schemas/survey';
import { surveyFiguresSchema } from '../../src/lib/schemas/survey-figures';
import { aggregateSurveyFigures } from '../publish/aggregate-survey-figures';
import { wmoSchema } from '../../src/lib/schemas/wmo';
import { populationSchema } from '../../src/lib/schemas/population';
import { aggregatePopulation } from '../publish/aggregate-population';
import { aggregateJeugd } from '../publish/aggregate-jeugd';
import { jeugdSchema } from '../../src/lib/schemas/jeugd';
import { meldingSchema, plaatsingSchema, uitkeringSchema } from '../../src/lib/schemas/participatie';
import { aggregateBijstand, aggregatePlaatsingen, aggregatePoort } from '../publish/aggregate-participatie';
import {
	batenLastenSchema,
	bestedingSchema,
	iv3Schema,
	kredietSchema,
	kredietTotalenSchema,
	overzichtSchema
} from '../../src/lib/schemas/financien';
import { clientervaringSchema } from '../../src/lib/schemas/clientervaring';
import { aggregateClientervaring } from '../publish/aggregate-clientervaring';
import { publishFinancialTable } from '../publish/publish-financien';

/** What a source's aggregation gets to work with. */
interface AggregateContext {
	engine: NodeEngine;
	gemeente: string;
	minRespondents: number;
}

/**
 * One kind of export: its file, its schema, which identifier is protected while its rows are checked,
 * and which published tables it produces (published name → table in the engine).
 */
export interface SourceDefinition {
	/** file name without extension; `.csv` or `.xlsx` */
	stem: string;
	schema: FileSchema;
	/** the run fails without it; optional sources are reported as not delivered */
	required: boolean;
	/** a folder of national standard messages that may be delivered instead of the file (iWmo, iJw) */
	messages?: 'iwmo' | 'ijw';
	/** the survey may be delivered as an SPSS system file (`.sav`) instead */
	spss?: true;
	/** a folder `<stem>/` with `levering.yaml` may hold the wide layout of a statistics catalogue instead */
	wideFolder?: true;
	/** the stem of a source this one replaces: deliver one of the two (figures instead of respondents) */
	insteadOf?: string;
	/** what identifies a person, protected while the rows are checked: only such sources ask for the key */
	identifier?: Identifier;
	aggregate(context: AggregateContext): Promise<Record<string, string>>;
}

/** Every source Koers reads, in the order the run report lists them. */
export const SOURCES: SourceDefinition[] = [
	{
		stem: 'bevolking',
		schema: populationSchema,
		required: false,
		async aggregate({ engine, gemeente }) {
			await aggregatePopulation({ engine, gemeente });
			return { bevolking: 'pub_bevolking' };
		}
	},
	{
		stem: 'wmo_voorzieningen',
		schema: wmoSchema,
		required: true,
		messages: 'iwmo',
		identifier: { column: 'clientnummer', rule: 'pseudonymise' },
		async aggregate({ engine, gemeente }) {
			await aggregateWmo({ engine, gemeente });
			return { wmo_clienten: 'pub_wmo_clienten' };
		}
	},
	{
		stem: 'bvb_respondenten',
		schema: surveySchema,
		required: true,
		spss: true,
		// Respondent numbers only serve the duplicate check at load; nothing downstream needs them.
		identifier: { column: 'respondentnummer', rule: 'drop' },
		async aggregate({ engine, gemeente, minRespondents }) {
			await aggregateSurvey({ engine, gemeente, minRespondents });
			return { bvb_schaalscores: 'pub_bvb_schaalscores' };
		}
	},
	{
		stem: 'bvb_buurtcijfers',
		schema: surveyFiguresSchema,
		required: false,
		insteadOf: 'bvb_respondenten',
		wideFolder: true,
		async aggregate({ engine, gemeente, minRespondents }) {
			await aggregateSurveyFigures({ engine, gemeente, minRespondents });
			return { bvb_schaalscores: 'pub_bvb_schaalscores' };
		}
	},
	{
		stem: 'jeugdhulp_trajecten',
		schema: jeugdSchema,
		required: false,
		messages: 'ijw',
		identifier: { column: 'clientnummer', rule: 'pseudonymise' },
		async aggregate({ engine, gemeente }) {
			await aggregateJeugd({ engine, gemeente });
			// Without any known outcome (iJw messages do not carry it) the outcome is not delivered:
			// no table, so the streefdoel says so instead of showing an empty series.
			const [known] = await engine.query<{ n: number }>(
				'SELECT CAST(count(*) AS INTEGER) AS n FROM jeugd_trajecten WHERE problemen_verminderd IS NOT NULL'
			);
			const tables: Record<string, string> = { jeugdhulp: 'pub_jeugdhulp' };
			if (known!.n > 0) tables['jeugdhulp_resultaat'] = 'pub_jeugdhulp_resultaat';
			return tables;
		}
	},
	{
		stem: 'pw_meldingen',
		schema: meldingSchema,
		required: false,
		identifier: { column: 'meldingnummer', rule: 'drop' },
		async aggregate({ engine, gemeente }) {
			await aggregatePoort({ engine, gemeente });
			return { poort: 'pub_poort' };
		}
	},
	{
		stem: 'pw_uitkeringen',
		schema: uitkeringSchema,
		required: false,
		identifier: { column: 'huishoudnummer', rule: 'pseudonymise' },
		async aggregate({ engine, gemeente }) {
			await aggregateBijstand({ engine, gemeente });
			return { bijstand: 'pub_bijstand' };
		}
	},
	{
		stem: 'pw_plaatsingen',
		schema: plaatsingSchema,
		required: false,
		// Placement numbers are kept until counting (count of rows), then never published.
		async aggregate({ engine, gemeente }) {
			await aggregatePlaatsingen({ engine, gemeente });
			return { plaatsingen: 'pub_plaatsingen' };
		}
	},
	{
		stem: 'clientervaring',
		schema: clientervaringSchema,
		required: false,
		spss: true,
		identifier: { column: 'respondentnummer', rule: 'drop' },
		async aggregate({ engine, gemeente, minRespondents }) {
			await aggregateClientervaring({ engine, gemeente, minRespondents });
			return { clientervaring: 'pub_clientervaring' };
		}
	},
	{
		stem: 'fin_baten_lasten',
		schema: batenLastenSchema,
		required: false,
		async aggregate({ engine, gemeente }) {
			const order = ['jaar', 'programma', 'doel', 'taakveld', 'fase'];
			return {
				baten_lasten: await publishFinancialTable({ engine, gemeente, table: batenLastenSchema.name, order })
			};
		}
	},
	{
		stem: 'fin_kredieten',
		schema: kredietSchema,
		required: false,
		async aggregate({ engine, gemeente }) {
			return {
				kredieten: await publishFinancialTable({
					engine,
					gemeente,
					table: kredietSchema.name,
					order: ['jaar', 'doel', 'status', 'krediet']
				})
			};
		}
	},
	financialSource({
		stem: 'fin_overzicht',
		schema: overzichtSchema,
		published: 'baten_lasten_overzicht',
		order: ['jaar', 'fase', 'niveau', 'code']
	}),
	financialSource({
		stem: 'fin_kredieten_totalen',
		schema: kredietTotalenSchema,
		published: 'kredieten_totalen',
		order: ['jaar', 'doel', 'regel']
	}),
	financialSource({
		stem: 'fin_iv3',
		schema: iv3Schema,
		published: 'iv3',
		order: ['jaar', 'fase', 'taakveld']
	}),
	{
		stem: 'fin_bestedingsvoorstellen',
		schema: bestedingSchema,
		required: false,
		async aggregate({ engine, gemeente }) {
			return {
				bestedingsvoorstellen: await publishFinancialTable({
					engine,
					gemeente,
					table: bestedingSchema.name,
					order: ['jaar', 'soort', 'nummer']
				})
			};
		}
	}
];

/** A financial export: no personal data, published as delivered with the gemeente added. */
function financialSource(options: {
	stem: string;
	schema: FileSchema;
	published: string;
	order: string[];
}): SourceDefinition {
	const { stem, schema, published, order } = options;
	return {
		stem,
		schema,
		required: false,
		async aggregate({ engine, gemeente }) {
			return { [published]: await publishFinancialTable({ engine, gemeente, table: schema.name, order }) };
		}
	};
}
