import type { Command } from './command';

/**
 * Every command of `pipelines/cli.ts`, by the word that starts it. Each is loaded when it runs, so a
 * command starts without the modules of the others.
 */
export const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
	synth: () => import('./synth'),
	run: () => import('./run'),
	docs: () => import('./docs'),
	reconcile: () => import('./reconcile'),
	report: () => import('./report'),
	gemeente: () => import('./gemeente'),
	postbuild: () => import('./postbuild'),
	serve: () => import('./serve')
};
