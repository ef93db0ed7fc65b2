import { runCommand } from './commands/command';
import { COMMANDS } from './commands/index';
import { PipelineError } from './errors';

/** The list of commands, for `--help` and a word that is not one. */
async function overview(): Promise<string> {
	const lines = [];
	for (const load of Object.values(COMMANDS)) {
		const { command } = await load();
		lines.push(`  ${command.start.replace(/ --$/, '').padEnd(36)}  ${command.summary}`);
	}
	return ['Koers, de opdrachten (elk met --help voor de opties):', ...lines].join('\n');
}

/** The one command-line entry of the pipelines: one file per command in pipelines/commands/. */
async function main(argv: string[]): Promise<void> {
	const [word, ...rest] = argv;
	if (word === undefined || word === '--help' || word === '-h') {
		console.log(await overview());
		return;
	}
	const load = COMMANDS[word];
	if (!load) throw new PipelineError(`onbekende opdracht "${word}"\n\n${await overview()}`);
	const { command } = await load();
	await runCommand({ command, argv: rest });
}

main(process.argv.slice(2)).catch((error: unknown) => {
	// Users get the message, never a stack trace; developers can set DEBUG=1.
	console.error(error instanceof PipelineError || !process.env.DEBUG ? (error as Error).message : error);
	process.exit(1);
});
