import type { ParamMatcher } from '@sveltejs/kit';

/** A report name (`reports/<naam>.md`), never a PDF file beside the report pages. */
export const match: ParamMatcher = (param) => /^[a-z0-9][a-z0-9.-]*$/.test(param) && !param.endsWith('.pdf');
