import { defineCommand, yearOption } from './command';

/** `npm run reconcile`: the reconciliation report over the published release. */
export const command = defineCommand({
	name: 'reconcile',
	start: 'npm run reconcile --',
	summary: 'Drukt het aansluitingsrapport af van elke gemeente met een financiële administratie.',
	usage: [
		'npm run reconcile',
		'npm run reconcile -- --gemeente GMxxxx --jaar 2023 --xlsx rapport.xlsx --strikt'
	],
	options: {
		gemeente: { type: 'string', value: 'GM…', help: 'alleen deze gemeente' },
		jaar: { type: 'string', value: 'J', help: 'alleen dit begrotingsjaar' },
		xlsx: { type: 'string', value: 'BESTAND', help: 'schrijf het rapport ook als Excel-bestand' },
		strikt: { type: 'boolean', help: 'eindig met code 1 als een controle niet sluit' }
	},
	async run({ values, paths }) {
		const { reconcileReport } = await import('../reconcile-report');
		const failed = await reconcileReport({
			paths,
			gemeente: values.gemeente,
			year: yearOption(values.jaar),
			xlsx: values.xlsx,
			print: (line) => console.log(line)
		});
		if (failed > 0 && values.strikt) process.exitCode = 1;
	}
});
