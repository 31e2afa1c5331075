// A GFM table cell from any text, shared by the report and the Word import report (which must
// not pull the checklist and its engine modules into the Word bundle).

/** A table cell: one line, pipes and markup characters escaped. */
export function mdCell(s: string): string {
  return s
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\|<>*`]/g, (c) => `\\${c}`)
    .trim();
}
