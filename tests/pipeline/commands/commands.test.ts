import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { commandHelp, runCommand, type Command } from '../../../pipelines/commands/command';
import { COMMANDS } from '../../../pipelines/commands/index';
import { PipelineError } from '../../../pipelines/errors';

const commands: Command[] = await Promise.all(
	Object.values(COMMANDS).map(async (load) => (await load()).command)
);

/** Words that give an English message away; user messages are Dutch. */
const ENGLISH = /\b(the|needs|got|unknown|use|with|and|writes)\b/;

describe('the command line', () => {
	test.each(commands.map((c) => [c.name, c] as const))(
		'%s --help lists its forms and every option',
		async (_, c) => {
			const printed: string[] = [];
			await runCommand({ command: c, argv: ['--help'], print: (line) => printed.push(line) });
			expect(printed.join('\n')).toBe(commandHelp(c));
			for (const name of Object.keys(c.options)) expect(printed.join('\n')).toContain(`--${name}`);
			expect(printed.join('\n')).toContain(c.usage[0]);
			expect(c.summary).not.toMatch(ENGLISH);
		}
	);

	test('an option has one spelling: a year is --jaar in every command, and no option is English', () => {
		const options = commands.flatMap((c) => Object.keys(c.options));
		expect(options).not.toContain('year');
		expect(options).not.toContain('scale');
		expect(options).not.toContain('all');
		const withYear = commands.filter((c) => Object.values(c.options).some((o) => o.value === 'J'));
		expect(withYear.map((c) => c.name).sort()).toEqual(['gemeente', 'reconcile', 'report']);
		for (const c of withYear) expect(Object.keys(c.options)).toContain('jaar');
	});

	test.each([
		['reconcile', ['--year', '2024'], 'onbekende optie --year; zie npm run reconcile -- --help'],
		['reconcile', ['--jaar'], 'optie --jaar verwacht een waarde; zie npm run reconcile -- --help'],
		['reconcile', ['--jaar', '24'], '--jaar verwacht een jaartal (vier cijfers), niet "24"'],
		['synth', ['--schaal', 'groot'], '--schaal verwacht een positief getal of "landelijk", niet "groot"'],
		['synth', ['extra'], 'te veel woorden na "npm run synth"; zie npm run synth -- --help'],
		['gemeente', ['opruimen', 'GM9001'], 'gebruik: npm run gemeente -- nieuw <code>']
	])('%s %j is refused in Dutch before anything runs', async (name, argv, message) => {
		const command = commands.find((c) => c.name === name)!;
		const refused = runCommand({ command, argv });
		await expect(refused).rejects.toBeInstanceOf(PipelineError);
		await expect(refused).rejects.toThrow(message);
	});

	test('a word that is no command gets the list of commands, in Dutch and without a stack trace', () => {
		const child = spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', 'opruimen'], {
			encoding: 'utf8'
		});
		expect(child.status).toBe(1);
		expect(child.stderr).toContain('onbekende opdracht "opruimen"');
		for (const c of commands) expect(child.stderr).toContain(c.summary);
		expect(child.stderr).not.toMatch(/\n\s+at /);
	});
});
