import { relative } from 'node:path';
import { PipelineError } from '../errors';
import { defineCommand } from './command';

/** `npm run synth`: the synthetic sample, or with `--schaal landelijk` every gemeente of the country. */
export const command = defineCommand({
	name: 'synth',
	start: 'npm run synth --',
	summary: 'Schrijft de synthetische voorbeelddata naar data/raw/ (zelfde zaad, zelfde bytes).',
	usage: [
		'npm run synth',
		'npm run synth -- --schaal 3',
		'npm run synth -- --schaal landelijk [--gemeenten N]'
	],
	options: {
		schaal: {
			type: 'string',
			value: 'N|landelijk',
			help: 'N keer zoveel inwoners, of elke gemeente van het land'
		},
		gemeenten: { type: 'string', value: 'N', help: 'met --schaal landelijk: alleen de eerste N gemeenten' }
	},
	async run({ values, paths }) {
		if (values.schaal === 'landelijk') {
			const gemeenten = values.gemeenten === undefined ? undefined : Number(values.gemeenten);
			if (gemeenten !== undefined && !(Number.isInteger(gemeenten) && gemeenten > 0))
				throw new PipelineError(`--gemeenten verwacht een positief geheel getal, niet "${values.gemeenten}"`);
			const { writeNational } = await import('../synth/national');
			const started = performance.now();
			const tty = process.stderr.isTTY;
			const result = await writeNational({
				paths,
				gemeenten,
				onGemeente: (done, total) => {
					if (tty) process.stderr.write(`\r${done} van ${total} gemeenten geschreven`);
					else if (done % 50 === 0 || done === total)
						process.stderr.write(`${done} van ${total} gemeenten geschreven\n`);
				}
			});
			if (tty) process.stderr.write('\n');
			console.log(
				`Landelijke voorbeelddata geschreven naar ${relative(process.cwd(), paths.raw)}: ${result.gemeenten} gemeenten, ${result.inhabitants.toLocaleString('nl-NL')} inwoners, in ${((performance.now() - started) / 1000).toFixed(0)} s.`
			);
			return;
		}
		if (values.gemeenten !== undefined) throw new PipelineError('--gemeenten hoort bij --schaal landelijk');
		const scale = values.schaal === undefined ? 1 : Number(values.schaal);
		if (!(scale > 0))
			throw new PipelineError(`--schaal verwacht een positief getal of "landelijk", niet "${values.schaal}"`);
		const { writeSample } = await import('../synth/index');
		for (const r of await writeSample({ paths, scale })) {
			console.log(
				`Voorbeelddata geschreven naar ${r.dir}: ${r.wmo} WMO-toewijzingen, ${r.survey} enquêterespondenten, ${r.jeugd} jeugdhulptrajecten.`
			);
		}
	}
});
