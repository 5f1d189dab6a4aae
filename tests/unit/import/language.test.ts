import { describe, expect, test } from 'vitest';
import { detectLanguage } from '../../../tools/import/language.ts';

describe('detecting the language from the script', () => {
  test('Arabic script is Arabic', () => {
    expect(detectLanguage('أعلنت أذربيجان أنها ستوقف الهجوم').code).toBe('ar');
  });

  test('Persian and Urdu letters say otherwise when frequent', () => {
    expect(detectLanguage('این یک متن فارسی است که با حروف پارسی نوشته شده و گ و چ و پ دارد').code).toBe('fa');
    expect(detectLanguage('یہ اردو میں لکھا ہوا ایک جملہ ہے جس میں ٹ اور ڈ اور ں بھی ہیں').code).toBe('ur');
  });

  test('one borrowed Persian letter in Arabic text is still Arabic', () => {
    expect(detectLanguage('زار الوفد مدينة گرگان ثم عاد إلى العاصمة بعد أيام من المحادثات الطويلة').code).toBe('ar');
  });

  test('Arabic typed on a Persian keyboard (ی for ي/ى, ک for ك) stays Arabic', () => {
    const text =
      'وصل الوفد إلی الریاض یوم الأحد، وقال رئیسه إن الزیارة تهدف إلی تعزیز العلاقات. وأکد أن الکتاب الذی صدر هذا العام یحمل عنوان «هدی القلوب» وأنه سیوزع فی المدارس.';
    expect(detectLanguage(text)).toEqual({ code: 'ar', reason: 'Arabic script (100% of letters)' });
    expect(detectLanguage('مشی علی الطریق إلی المدرسة فی الصباح مع أخیه الکبیر').code).toBe('ar');
  });

  test('a Persian paragraph is Persian, by its function words and letters', () => {
    const text =
      'رئیس‌جمهور ایران روز دوشنبه در سفری به تبریز گفت که دولت برای حل مشکلات اقتصادی برنامه‌های تازه‌ای دارد. او افزود این برنامه‌ها از ماه آینده اجرا می‌شود و مردم نتیجه آن را خواهند دید.';
    expect(detectLanguage(text)).toMatchObject({
      code: 'fa',
      reason: expect.stringMatching(/^Arabic script with Persian letters and words \(\d+ word\(s\) against 0 Arabic and 0 Urdu\)$/),
    });
    // Persian written with the Arabic code page's ي and ك (old Windows-1256 files) is still Persian.
    expect(detectLanguage('اين كتاب را از كتابخانه گرفتم و براي دوستم فرستادم كه آن را بخواند').code).toBe('fa');
  });

  test('an Urdu paragraph is Urdu, though it shares پ چ گ with Persian', () => {
    const text =
      'وزیر اعظم نے پیر کے روز اسلام آباد میں ایک اجلاس کی صدارت کی۔ انہوں نے کہا کہ حکومت عوام کے مسائل حل کرنے کے لیے پرعزم ہے اور جلد نئی پالیسی کا اعلان کیا جائے گا۔';
    expect(detectLanguage(text).code).toBe('ur');
  });

  test('an Arabic text naming Persian people and places (پ چ گ in the names) stays Arabic', () => {
    const text =
      'التقى وزير الخارجية نظيره الإيراني في طهران، وبحث معه الرئيس مسعود پزشکیان ملفات المنطقة قبل زيارة إلى چابهار وگرگان، وأكد الجانبان أهمية الحوار.';
    expect(detectLanguage(text).code).toBe('ar');
  });

  test("ہ and ھ alone (an Urdu keyboard's heh in Arabic) do not make a text Urdu", () => {
    expect(detectLanguage('قال المتحدث إن ہذه الخطوة مہمة للمنطقة وإن الحوار ہو الطريق').code).toBe('ar');
  });

  test('Hebrew script is Hebrew, Latin is English', () => {
    expect(detectLanguage('שלום עולם, זה טקסט בעברית').code).toBe('he');
    expect(detectLanguage('Azerbaijan halts its offensive').code).toBe('en');
  });

  test('no letters, no language', () => {
    expect(detectLanguage('2023 — 42!').code).toBeNull();
  });
});
