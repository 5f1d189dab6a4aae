import { describe, expect, test } from 'vitest';
import { readSettings, SettingsError } from '../../src/settings.ts';

describe('settings are read and checked once', () => {
  test('defaults without any variable', () => {
    expect(readSettings({})).toEqual({
      contentDir: './content',
      cacheDir: './node_modules/.astro',
      shard: undefined,
      assemble: false,
      shardsDir: './dist-shards',
      changesFile: undefined,
      locales: undefined,
      indexPartPages: undefined,
      firstSearchBytes: undefined,
      arabicMonths: 'gregorian',
      base: '/',
      port: 4321,
      site: 'http://localhost:4321',
    });
  });

  test('each variable sets its value; PORT moves the local origin unless SITE_URL is set', () => {
    const settings = readSettings({
      ARSHIF_CONTENT_DIR: '/srv/archive',
      ARSHIF_LOCALES: 'ar, en,fa,ar',
      ARSHIF_INDEX_PART_PAGES: '50',
      PORT: '8080',
      BASE_PATH: '/archive/',
    });
    expect(settings).toMatchObject({
      contentDir: '/srv/archive',
      locales: ['ar', 'en', 'fa'],
      indexPartPages: 50,
      port: 8080,
      site: 'http://localhost:8080',
      base: '/archive/',
    });
    for (const names of ['gregorian', 'levantine', 'both'] as const) expect(readSettings({ ARSHIF_ARABIC_MONTHS: names }).arabicMonths).toBe(names);
    expect(readSettings({ ARSHIF_ARABIC_MONTHS: ' Both ' }).arabicMonths).toBe('both');
    expect(readSettings({ PORT: '8080', SITE_URL: 'https://archive.example.org' }).site).toBe('https://archive.example.org');
  });

  test('a bad value is an error naming the variable, the value and what it should be', () => {
    expect(() => readSettings({ ARSHIF_INDEX_PART_PAGES: 'many' })).toThrow(SettingsError);
    expect(() => readSettings({ ARSHIF_INDEX_PART_PAGES: '0' })).toThrow(
      'ARSHIF_INDEX_PART_PAGES="0": expected a whole number of 1 or more. Fix the variable, or unset it for the default.',
    );
    expect(() => readSettings({ ARSHIF_FIRST_SEARCH_BYTES: '1.5' })).toThrow(/ARSHIF_FIRST_SEARCH_BYTES="1.5"/);
    expect(() => readSettings({ PORT: '70000' })).toThrow(/PORT="70000": expected a port number/);
    expect(() => readSettings({ BASE_PATH: 'archive/' })).toThrow(/BASE_PATH="archive\/": expected a path starting with "\/"/);
    expect(() => readSettings({ SITE_URL: 'archive.example.org' })).toThrow(/SITE_URL="archive.example.org": expected an absolute URL/);
    expect(() => readSettings({ ARSHIF_ARABIC_MONTHS: 'syrian' })).toThrow(
      'ARSHIF_ARABIC_MONTHS="syrian": expected one of gregorian, levantine, both. Fix the variable, or unset it for the default.',
    );
    expect(() => readSettings({ SITE_URL: 'ftp://example.org' })).toThrow(/expected an http or https URL/);
  });

  test('a shard comes from --shard or ARSHIF_SHARD, has its own cache beside the cache, and cannot also assemble', () => {
    expect(readSettings({}, ['build', '--shard', '2/8'])).toMatchObject({ shard: { index: 2, count: 8 }, cacheDir: './node_modules/.astro-shard-2-of-8' });
    expect(readSettings({ ARSHIF_CACHE_DIR: '/tmp/c' }, ['build', '--shard=3/4']).cacheDir).toBe('/tmp/c-shard-3-of-4');
    expect(readSettings({ ARSHIF_SHARD: '1/1' }).shard).toEqual({ index: 1, count: 1 });
    // The argument wins over the variable.
    expect(readSettings({ ARSHIF_SHARD: '1/2' }, ['build', '--shard', '2/2']).shard).toEqual({ index: 2, count: 2 });
    expect(readSettings({}, ['build', '--assemble'])).toMatchObject({ assemble: true, shard: undefined, cacheDir: './node_modules/.astro' });
    expect(readSettings({ ARSHIF_ASSEMBLE: '1', ARSHIF_SHARDS_DIR: '/srv/shards' })).toMatchObject({ assemble: true, shardsDir: '/srv/shards' });
    for (const bad of ['0/4', '5/4', '2', '2/0', 'a/b', '-1/4'])
      expect(() => readSettings({ ARSHIF_SHARD: bad }), bad).toThrow(
        new SettingsError('ARSHIF_SHARD', bad, 'expected a shard as I/N, such as 2/8 (from 1 to N)'),
      );
    expect(() => readSettings({}, ['build', '--shard'])).toThrow(/--shard=""/);
    expect(() => readSettings({ ARSHIF_ASSEMBLE: '1' }, ['build', '--shard', '1/2'])).toThrow(/cannot also assemble/);
  });
});
