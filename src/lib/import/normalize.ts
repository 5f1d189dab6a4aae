/** Unicode ranges of Arabic presentation forms, as text copied from PDFs carries them. */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]/g;

/** Bidi embedding, override and isolate controls: they reorder what is displayed. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export interface NormalizedText {
  text: string;
  warnings: string[];
  notes: string[];
}

/**
 * Makes decoded text safe and uniform without changing what it says: one kind
 * of line ending; presentation forms back to the base letters they show (so
 * search and copy work); bidi controls that would reorder the display removed.
 * Diacritics, tatweel, ZWNJ, NBSP and marks such as RLM are kept as written.
 */
export function normalizeArticleText(raw: string): NormalizedText {
  const warnings: string[] = [];
  const notes: string[] = [];
  let text = raw.replace(/\r\n?/g, '\n');

  let presentationForms = 0;
  text = text.replace(PRESENTATION_FORMS, (char) => {
    presentationForms++;
    return char.normalize('NFKC');
  });
  if (presentationForms) notes.push(`${presentationForms} Arabic presentation form(s) normalized to base letters`);

  const bidi = text.match(BIDI_CONTROLS)?.length ?? 0;
  if (bidi) {
    text = text.replace(BIDI_CONTROLS, '');
    warnings.push(`removed ${bidi} bidi embedding/override control(s) that would reorder the displayed text`);
  }
  return { text, warnings, notes };
}
