/**
 * Arabic broken plurals and their singulars. A broken plural is not the
 * singular with an ending (as مدرسون, مدرسات are, which Pagefind's stemmer
 * already meets): it rewrites the word inside its root — جسر / جسور, رجل /
 * رجال, قلم / أقلام, مدرسة / مدارس, رسالة / رسائل, وزير / وزراء, ماشي / مشاة.
 * No well-kept package in the registry relates them (the Arabic stemmers
 * there are light stemmers that strip affixes), so the common patterns are
 * written here, each as a plural template and the singular templates it is
 * the plural of. Digits stand for root letters; everything else is literal.
 * Words are compared folded (keying/scripts/arabic.ts: أ as ا, ة as ه, ئ as ي,
 * ى as ي), bare of proclitics.
 *
 * A template can fit a word that is not a plural (قلوب fits فعول, and so does
 * فطور): every candidate is only a guess, and the search asks the archive's
 * vocabulary whether the candidate exists before using it, and ranks it
 * below the typed word's own forms.
 */
const PATTERNS: readonly (readonly [plural: string, singulars: readonly string[]])[] = [
  // فعول: جسور جسر، قلوب قلب، شهود شاهد
  ['12و3', ['123', '1ا23']],
  // فعال: رجال رجل، عمال عامل، كرام كريم، رقاب رقبه
  ['12ا3', ['123', '1ا23', '12ي3', '123ه']],
  // أفعال: أقلام قلم، أسواق سوق، أبواب باب، أطفال طفل
  ['ا12ا3', ['123']],
  ['ا1وا3', ['1ا3']],
  ['ا1يا3', ['1ا3']],
  // فُعُل / فِعَل: كتب كتاب، طرق طريق، مدن مدينه، صحف صحيفه
  ['123', ['12ا3', '12ي3', '12ي3ه']],
  // مفاعل: مدارس مدرسه، مساجد مسجد، مناطق منطقه
  ['م1ا23', ['م123', 'م123ه']],
  // مفاعيل: مشاريع مشروع، مفاتيح مفتاح، مساكين مسكين
  ['م1ا2ي3', ['م12و3', 'م12ا3', 'م12ي3']],
  // فعائل: رسائل رساله، قبائل قبيله، حدائق حديقه
  ['12اي3', ['12ا3ه', '12ي3ه', '12ي3']],
  // فواعل: شوارع شارع، قواعد قاعده
  ['1وا23', ['1ا23', '1ا23ه']],
  // فعلاء, written with or without its hamza: وزراء وزير، شعراء شاعر
  ['123اء', ['12ي3', '1ا23']],
  ['123ا', ['12ي3', '1ا23']],
  // أفعلاء: أصدقاء صديق، أقرباء قريب
  ['ا123اء', ['12ي3']],
  // فُعَلة of a defective root: مشاة ماشي، قضاة قاضي، رعاة راعي
  ['12اه', ['1ا2ي']],
  // فَعَلة: طلبه طالب، كتبه كاتب
  ['123ه', ['1ا23']],
  // أفعلة: أسلحه سلاح، أرغفه رغيف، أجهزه جهاز
  ['ا123ه', ['12ا3', '12ي3']],
  // أفعُل: أشهر شهر، أنفس نفس
  ['ا123', ['123']],
  // فِعلان: بلدان بلد، جيران جار، شبان شاب
  ['123ان', ['123']],
  ['1يران', ['1ار']],
  // فعالل and فعاليل of four-letter roots: دراهم درهم، عناوين عنوان، عصافير عصفور
  ['12ا34', ['1234']],
  ['12ا3ي4', ['123و4', '123ا4']],
  // تفاعيل: تقارير تقرير، تصاميم تصميم
  ['ت1ا2ي3', ['ت12ي3']],
];

const ROOT_SLOT = /^[1-4]$/;

/** The root letters a word takes in a template, or undefined when it does not fit. */
function rootOf(word: readonly string[], template: readonly string[]): Map<string, string> | undefined {
  if (word.length !== template.length) return undefined;
  const root = new Map<string, string>();
  for (let index = 0; index < template.length; index++) {
    const slot = template[index]!;
    const letter = word[index]!;
    if (ROOT_SLOT.test(slot)) {
      // A root letter is a consonant or a weak letter, never the long alef or ه of a pattern.
      if (letter === 'ا' || letter === 'ء') return undefined;
      root.set(slot, letter);
    } else if (slot !== letter) return undefined;
  }
  return root;
}

function fill(template: readonly string[], root: Map<string, string>): string {
  return template.map((slot) => (ROOT_SLOT.test(slot) ? (root.get(slot) ?? slot) : slot)).join('');
}

const SPLIT_PATTERNS = PATTERNS.map(([plural, singulars]) => [[...plural], singulars.map((singular) => [...singular])] as const);

/**
 * The singulars a folded, bare word could be the broken plural of, and the
 * broken plurals it could be the singular of: guesses, to be checked against
 * the archive. جسور gives جسر among others; جسر gives جسور, جسار, أجسار…
 */
export function brokenPluralRelatives(word: string): string[] {
  const letters = [...word];
  const related = new Set<string>();
  for (const [plural, singulars] of SPLIT_PATTERNS) {
    const asPlural = rootOf(letters, plural);
    if (asPlural) for (const singular of singulars) related.add(fill(singular, asPlural));
    for (const singular of singulars) {
      const asSingular = rootOf(letters, singular);
      if (asSingular) related.add(fill(plural, asSingular));
    }
  }
  related.delete(word);
  // Three letters at least: a shorter guess stands for too many words.
  return [...related].filter((form) => [...form].length >= 3);
}
