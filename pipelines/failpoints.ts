/**
 * Named points of a run where the interrupted-run test stops the process the way a crash or a
 * power cut would (SIGKILL, no cleanup): `KOERS_FAILPOINT=<name>`. Each stage of the run report is
 * one (`stage:<stage>`, at its end), and so is every step of publishing. A test can then prove what
 * a kill at each point leaves behind, whatever the machine's speed.
 */
export const PUBLISH_FAILPOINTS = [
	/** new Parquet files and manifest written to the staging folder */
	'publish:staged',
	/** new Parquet files moved beside the current release, manifest not yet switched */
	'publish:moved',
	/** manifest switched, files the new release no longer references not yet removed */
	'publish:switched'
] as const;

/** Stops the process here when the environment names this point. */
export function failpoint(name: string): void {
	if (process.env['KOERS_FAILPOINT'] === name) process.kill(process.pid, 'SIGKILL');
}
