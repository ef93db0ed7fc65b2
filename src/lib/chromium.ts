import { existsSync } from 'node:fs';

/** Debian's Chromium, or CHROMIUM_PATH: what renders report PDFs (pipelines/chromium.ts launches it). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether Chromium is installed. */
export function hasChromium(): boolean {
	return existsSync(CHROMIUM);
}
