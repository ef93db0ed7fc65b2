import { parseArgs } from 'node:util';
import { defaultPaths, type Paths } from '../config';
import { PipelineError } from '../errors';

/** One option of a command: a value (`--jaar 2024`) or a switch (`--strikt`), with its help line. */
export interface OptionSpec {
	type: 'string' | 'boolean';
	/** the value's name in the help text, e.g. `J` in `--jaar J` */
	value?: string;
	help: string;
}

/** What a command's options parse to: a string per value option, a boolean per switch. */
type OptionValues<O extends Record<string, OptionSpec>> = {
	[K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
};

/** One command of the command line, in a file of its own under pipelines/commands. */
export interface Command<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
	/** the word after `pipelines/cli.ts` */
	name: string;
	/** how a user starts it, options follow: `npm run pipeline --` */
	start: string;
	/** one Dutch line for the command list */
	summary: string;
	/** how to call it, one whole line per form */
	usage: string[];
	options: O;
	/** how many words may follow the command (a report's name, an action and a code) */
	positionals?: number;
	run(args: { values: OptionValues<O>; positionals: string[]; paths: Paths }): Promise<void>;
}

/** Declares a command; keeps its option names in the type of the values it gets. */
export function defineCommand<const O extends Record<string, OptionSpec>>(command: Command<O>): Command<O> {
	return command;
}

/** The `--help` text of a command. */
export function commandHelp(command: Command): string {
	const options = Object.entries(command.options).map(([name, o]) => [
		`--${name}${o.value ? ` ${o.value}` : ''}`,
		o.help
	]);
	options.push(['--help', 'deze uitleg']);
	const width = Math.max(...options.map(([flag]) => flag!.length));
	return [
		`${command.summary}`,
		'',
		'Gebruik:',
		...command.usage.map((u) => `  ${u}`),
		'',
		'Opties:',
		...options.map(([flag, help]) => `  ${flag!.padEnd(width)}  ${help}`)
	].join('\n');
}

/** parseArgs's errors, in the user's language. */
function dutchParseError(command: Command, error: unknown): PipelineError {
	const code = (error as { code?: string }).code;
	const text = (error as Error).message;
	const option = /'(-[^']*)'/.exec(text)?.[1] ?? '';
	const message =
		code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
			? `onbekende optie ${option.split(/[ =]/)[0]}`
			: code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
				? `optie ${option.split(/[ <]/)[0]} verwacht een waarde`
				: code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
					? `te veel woorden na "${command.start.replace(/ --$/, '')}"`
					: text;
	return new PipelineError(`${message}; zie ${command.start} --help`, [], { cause: error });
}

/**
 * Parses a command's arguments and runs it; `--help` prints its help instead. A wrong option is a
 * PipelineError in Dutch that points to the help.
 */
export async function runCommand(options: {
	command: Command;
	argv: string[];
	paths?: Paths;
	print?: (line: string) => void;
}): Promise<void> {
	const { command, argv } = options;
	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({
			args: argv,
			options: {
				...Object.fromEntries(Object.entries(command.options).map(([name, o]) => [name, { type: o.type }])),
				help: { type: 'boolean', short: 'h' }
			},
			allowPositionals: (command.positionals ?? 0) > 0,
			strict: true
		});
	} catch (error) {
		throw dutchParseError(command, error);
	}
	if (parsed.values['help']) {
		(options.print ?? console.log)(commandHelp(command));
		return;
	}
	if (parsed.positionals.length > (command.positionals ?? 0))
		throw new PipelineError(
			`te veel woorden na "${command.start.replace(/ --$/, '')}"; zie ${command.start} --help`
		);
	await command.run({
		values: parsed.values as OptionValues<Record<string, OptionSpec>>,
		positionals: parsed.positionals,
		paths: options.paths ?? defaultPaths()
	});
}

/** A year option (`--jaar 2024`) as a number, or a Dutch error naming the option. */
export function yearOption(value: string | undefined, option = '--jaar'): number | undefined {
	if (value === undefined) return undefined;
	const year = Number(value);
	if (!/^\d{4}$/.test(value) || !Number.isInteger(year))
		throw new PipelineError(`${option} verwacht een jaartal (vier cijfers), niet "${value}"`);
	return year;
}
