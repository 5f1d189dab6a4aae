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

  test('Hebrew script is Hebrew, Latin is English', () => {
    expect(detectLanguage('שלום עולם, זה טקסט בעברית').code).toBe('he');
    expect(detectLanguage('Azerbaijan halts its offensive').code).toBe('en');
  });

  test('no letters, no language', () => {
    expect(detectLanguage('2023 — 42!').code).toBeNull();
  });
});
