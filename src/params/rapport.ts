import type { ParamMatcher } from '@sveltejs/kit';

/** A report name (`rapporten/<naam>.md` in the gemeente folder), never a PDF file beside the report pages. */
export const match: ParamMatcher = (param) => /^[a-z0-9][a-z0-9.-]*$/.test(param) && !param.endsWith('.pdf');
