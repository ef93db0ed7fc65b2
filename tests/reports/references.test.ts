import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/lib/reports/parse';
import { reportReferenceErrors } from '../../src/lib/reports/references';
import { sampleCatalogs } from '../helpers/gemeenten';

const catalogs = sampleCatalogs().filter((c) => c.gemeente.code === 'GM0193');
const catalog = catalogs.find((c) => c.programme.number === '12')!;
const goal = catalog.goals[0]!;

/** A report of the sample gemeente's programme 12 with the given body. */
const report = (body: string, programme = '12') =>
	parseReport({
		text: `---\ntitel: Toets\ngemeente: GM0193\nbegrotingsjaar: ${catalog.budgetYear}\nprogramma: '${programme}'\n---\n\n${body}\n`,
		file: 'rapporten/toets.md',
		name: 'toets'
	});

describe('a report checked against its gemeente’s catalogues', () => {
	test('references the catalogue has pass', () => {
		const source = report(
			`::streefdoelen doel="${goal.name}"\n\n::streefdoel id=${goal.streefdoelen[0]!.id}\n\n::streefdoel id=bbv-32-wmo`
		);
		expect(reportReferenceErrors({ source, catalogs, hasLedger: false })).toEqual([]);
	});

	test.each([
		[
			'a programme without a catalogue',
			report(`::activiteiten doel="${goal.name}"`, '99'),
			`rapporten/toets.md regel 8: geen catalogus voor GM0193, begroting ${catalog.budgetYear}, programma 99`
		],
		[
			'an unknown doel',
			report('::streefdoelen doel="Niet bestaand"'),
			'regel 8: onbekend doel "Niet bestaand"'
		],
		[
			'an unknown streefdoel',
			report('::streefdoel id=verzonnen'),
			'regel 8: onbekend streefdoel of indicator "verzonnen"'
		],
		[
			'money without a ledger',
			report('::baten-lasten doel=2.1.1 jaar=2015'),
			'regel 8: ::baten-lasten vraagt financiële gegevens'
		]
	])('%s is refused with file and line', (_, source, message) => {
		const errors = reportReferenceErrors({ source, catalogs, hasLedger: false });
		expect(errors).toHaveLength(1);
		expect(errors[0]).toContain(message);
	});
});
