import type { PluralForms } from './strings/ar.ts';

const pluralRules = new Map<string, Intl.PluralRules>();

/** One Intl.PluralRules per language for the whole build (see src/i18n/intl-cache.ts for why). */
function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

/**
 * The form of a counted phrase for `count` in `locale`: Arabic has six
 * (zero, one, two, few 3–10, many 11–99, other 100–102…), English two.
 * Falls back to `other` when a strings file has no form for the category.
 */
export function pluralForm(forms: PluralForms, locale: string, count: number): string {
  return forms[rulesFor(locale).select(count)] ?? forms.other;
}

/** The plural categories a locale's strings must provide, e.g. ['few', 'many', 'one', 'other', 'two', 'zero'] for Arabic. */
export function pluralCategories(locale: string): Intl.LDMLPluralRule[] {
  return [...rulesFor(locale).resolvedOptions().pluralCategories].sort();
}
