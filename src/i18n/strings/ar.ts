/** Arabic UI strings. This file defines the keys every other locale must provide. */
export const ar = {
  'site.name': 'أرشيف',
  'site.tagline': 'أرشيف مقالات عربي قابل للبحث',
  'nav.home': 'الرئيسية',
  'nav.skipToContent': 'انتقل إلى المحتوى',
  'nav.languages': 'اللغات',
  'home.title': 'أحدث المقالات',
  'home.empty': 'لا توجد مقالات بعد.',
  'article.published': 'نُشر في',
  'article.undated': 'غير مؤرخ',
  'article.translations': 'هذا المقال بلغات أخرى',
  'article.source': 'المصدر',
  'search.label': 'ابحث في الأرشيف',
  'search.placeholder': 'اكتب كلمة للبحث…',
  'search.submit': 'بحث',
  'search.searching': 'جارٍ البحث…',
  'search.noResults': 'لا نتائج لـ «{query}».',
  'search.resultCount': 'عدد النتائج: {count}',
  'search.unavailable': 'البحث غير متاح الآن.',
  'redirect.title': 'أرشيف',
  'theme.dark': 'الوضع الداكن',
  'article.notTranslated': 'هذا المقال غير متوفر بالعربية؛ يُعرض بلغته الأصلية.',
  'redirect.message': 'انتقل إلى الأرشيف',
} as const;

export type UiStringKey = keyof typeof ar;
export type UiStrings = Record<UiStringKey, string>;
