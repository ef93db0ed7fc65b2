import { PipelineError } from '../errors';
import { defineCommand, yearOption } from './command';

const MARK = { ok: '✓', ontbreekt: '–', fout: '✗', 'let op': '!' } as const;

/** `npm run gemeente`: starts a gemeente folder (`nieuw`) or checks one (`controleer`). */
export const command = defineCommand({
	name: 'gemeente',
	start: 'npm run gemeente --',
	summary: 'Begint een gemeentemap (nieuw) of controleert er een (controleer).',
	usage: ['npm run gemeente -- nieuw <code> "<naam>" [--jaar J]', 'npm run gemeente -- controleer <code>'],
	options: {
		jaar: { type: 'string', value: 'J', help: 'met nieuw: het eerste begrotingsjaar (standaard dit jaar)' }
	},
	positionals: 3,
	async run({ values, positionals, paths }) {
		const [action, code, name] = positionals;
		const { scaffoldGemeente, checkGemeente } = await import('../gemeente');
		if (action === 'nieuw' && code) {
			const year = yearOption(values.jaar) ?? new Date().getFullYear();
			for (const line of await scaffoldGemeente({ paths, code, name: name ?? '', year })) console.log(line);
			return;
		}
		if (action === 'controleer' && code && name === undefined) {
			const findings = await checkGemeente({ paths, code });
			for (const f of findings) console.log(`${MARK[f.kind]} ${f.text}`);
			const errors = findings.filter((f) => f.kind === 'fout').length;
			const missing = findings.filter((f) => f.kind === 'ontbreekt').length;
			console.log(
				`\n${errors} fouten, ${missing} ontbrekend.${errors + missing === 0 ? ' Klaar voor npm run pipeline.' : ''}`
			);
			if (errors > 0) process.exitCode = 1;
			return;
		}
		throw new PipelineError(
			'gebruik: npm run gemeente -- nieuw <code> "<naam>" [--jaar <begrotingsjaar>]  of  npm run gemeente -- controleer <code>'
		);
	}
});
