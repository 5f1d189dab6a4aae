import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { importWordpressExport } from '../../../tools/import/import-article.ts';
import { blockLines } from '../../../tools/import/model.ts';
import { readWordpressExport, uploadsPath } from '../../../tools/import/readers/wordpress.ts';

/** One <item> of a WXR export; `fields` are added as they are (wp:status, wp:post_password, category…). */
function item(id: number, title: string, content: string, fields = ''): string {
  return `<item>
    <title>${title}</title>
    <dc:creator><![CDATA[editor]]></dc:creator>
    <content:encoded><![CDATA[${content}]]></content:encoded>
    <wp:post_id>${id}</wp:post_id>
    <wp:post_date><![CDATA[2024-05-03 12:00:00]]></wp:post_date>
    <wp:post_date_gmt><![CDATA[2024-05-03 09:00:00]]></wp:post_date_gmt>
    <wp:post_type><![CDATA[post]]></wp:post_type>
    ${fields.includes('wp:status') ? '' : '<wp:status><![CDATA[publish]]></wp:status>'}
    ${fields}
  </item>`;
}

function exportOf(items: string[], site: string | null = 'https://one.example.com'): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>A site</title>
  ${site ? `<link>${site}</link>` : ''}
  <wp:wxr_version>1.2</wp:wxr_version>
${items.join('\n')}
</channel>
</rss>
`;
}

function workspace() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'arshif-wp-'));
  return { dir, contentDir: path.join(dir, 'content') };
}

function write(dir: string, name: string, xml: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, xml);
  return file;
}

const good = (id: number) => item(id, `Good post ${id}`, `<p>The harbour reopened on a Monday, number ${id}.</p>`);

describe('posts hidden in WordPress are never published silently', () => {
  const hidden = exportOf([
    good(1),
    item(2, 'A protected post', '<p>Secret text.</p>', '<wp:post_password><![CDATA[hunter2]]></wp:post_password>'),
    item(3, 'A private post', '<p>Private text.</p>', '<wp:status><![CDATA[private]]></wp:status>'),
    item(4, 'A scheduled post', '<p>Later text.</p>', '<wp:status><![CDATA[future]]></wp:status>'),
    item(5, 'A pending post', '<p>Pending text.</p>', '<wp:status><![CDATA[pending]]></wp:status>'),
    item(6, 'A private protected post', '<p>Both.</p>', '<wp:status><![CDATA[private]]></wp:status><wp:post_password>x</wp:post_password>'),
  ]);
  const skips = (include: Parameters<typeof readWordpressExport>[2] = {}) =>
    Object.fromEntries(readWordpressExport(hidden, 'hidden.xml', include).items.map((entry) => [entry.id, entry.skipped ?? 'read']));

  test('password-protected, private, scheduled and pending posts are skipped, each naming the option that imports it', () => {
    expect(skips()).toEqual({
      'post 1': 'read',
      'post 2': expect.stringMatching(/^a password-protected post: .*\(pass --include protected to publish it to everyone\)$/),
      'post 3': expect.stringMatching(/^a private post, .*\(pass --include private to publish it\)$/),
      'post 4': expect.stringMatching(/^a scheduled post \(status future, for 2024-05-03 12:00:00\) \(pass --include future to import it\)$/),
      'post 5': 'a pending post (pass --include drafts to import it)',
      'post 6': expect.stringMatching(/^a private post, .*--include private/),
    });
  });

  test('--include drafts never advises --include drafts again, and imports neither private nor protected posts', () => {
    const withDrafts = skips({ include: ['drafts'] });
    expect(withDrafts['post 5']).toBe('read');
    for (const reason of Object.values(withDrafts)) expect(reason).not.toMatch(/--include drafts/);
    expect(withDrafts['post 3']).toMatch(/--include private/);
    expect(withDrafts['post 2']).toMatch(/--include protected/);
  });

  test('each choice imports its posts, with a warning saying they were hidden in WordPress; a private protected post needs both', () => {
    const { items } = readWordpressExport(hidden, 'hidden.xml', { include: ['private', 'protected', 'future'] });
    const byId = Object.fromEntries(items.map((entry) => [entry.id, entry]));
    expect(byId['post 2']!.article!.warnings).toContain('a password-protected post in WordPress, published here to everyone because of --include protected');
    expect(byId['post 3']!.article!.warnings).toContain('a private post in WordPress, published here because of --include private');
    expect(byId['post 4']!.article!.warnings.join('\n')).toMatch(/scheduled post in WordPress, imported before its date/);
    expect(byId['post 6']!.article).toBeDefined();
    expect(readWordpressExport(hidden, 'hidden.xml', { include: ['private'] }).items[5]!.skipped).toMatch(/^a password-protected post/);
  });

  test('a published post dated after today is a future post too', () => {
    const xml = exportOf([
      item(7, 'Dated ahead', '<p>Text.</p>', '<wp:post_date_gmt>2031-01-01 00:00:00</wp:post_date_gmt>').replace(
        /<wp:post_date_gmt><!\[CDATA\[2024[^\]]*\]\]><\/wp:post_date_gmt>/,
        '',
      ),
    ]);
    const now = new Date('2030-06-01T00:00:00Z');
    expect(readWordpressExport(xml, 'ahead.xml', { now }).items[0]!.skipped).toMatch(/^a future-dated post .*\(pass --include future to import it\)$/);
    expect(readWordpressExport(xml, 'ahead.xml', { now, include: ['future'] }).items[0]!.article).toBeDefined();
  });
});

describe('two exports of one name from two sites never share records', () => {
  test('post 1 of each site is its own article, recorded with its site; a re-import of each is unchanged', async () => {
    const { dir, contentDir } = workspace();
    const first = write(dir, 'a/export.xml', exportOf([item(1, 'Harbour news', '<p>The first site’s harbour reopened.</p>')], 'https://one.example.com/'));
    const second = write(dir, 'b/export.xml', exportOf([item(1, 'Harbour news', '<p>The second site’s harbour closed.</p>')], 'http://Two.example.org'));
    const one = (await importWordpressExport(first, { contentDir, lang: 'en' })).items[0]!.result!;
    const two = (await importWordpressExport(second, { contentDir, lang: 'en' })).items[0]!.result!;
    expect([one.status, two.status]).toEqual(['imported', 'imported']);
    expect(one.target).not.toBe(two.target);
    expect(readFileSync(path.join(contentDir, one.target), 'utf8')).toContain('file: one.example.com#post-1');
    expect(readFileSync(path.join(contentDir, two.target), 'utf8')).toContain('file: two.example.org#post-1');
    expect((await importWordpressExport(first, { contentDir, lang: 'en' })).items[0]!.result!.status).toBe('unchanged');
    expect((await importWordpressExport(second, { contentDir, lang: 'en' })).items[0]!.result!.status).toBe('unchanged');
  });

  test('an export without a site link is known by its resolved path: a same-named export elsewhere is another source', async () => {
    const { dir, contentDir } = workspace();
    const first = write(dir, 'a/export.xml', exportOf([item(1, 'Harbour news', '<p>Text of the first.</p>')], null));
    const second = write(dir, 'b/export.xml', exportOf([item(1, 'Harbour news', '<p>Text of the second.</p>')], null));
    const one = (await importWordpressExport(first, { contentDir, lang: 'en' })).items[0]!.result!;
    const two = (await importWordpressExport(second, { contentDir, lang: 'en', force: true })).items[0]!.result!;
    expect(two.status).toBe('imported');
    expect(two.target).not.toBe(one.target);
    expect(readFileSync(path.join(contentDir, one.target), 'utf8')).toContain(`file: ${path.resolve(first)}#post-1`);
    expect(readFileSync(path.join(contentDir, one.target), 'utf8')).toContain('Text of the first.');
  });

  test('--force over the same text imported from another site keeps that article as a .bak and says so', async () => {
    const { dir, contentDir } = workspace();
    const post = item(1, 'Harbour news', '<p>The same wire story on two sites.</p>');
    const first = write(dir, 'a/export.xml', exportOf([post], 'https://one.example.com'));
    const second = write(dir, 'b/export.xml', exportOf([post], 'https://two.example.com'));
    const one = (await importWordpressExport(first, { contentDir, lang: 'en' })).items[0]!.result!;
    const before = readFileSync(path.join(contentDir, one.target), 'utf8');
    expect((await importWordpressExport(second, { contentDir, lang: 'en' })).items[0]!.result!.status).toBe('skipped');
    const forced = (await importWordpressExport(second, { contentDir, lang: 'en', force: true })).items[0]!.result!;
    expect(forced.status).toBe('updated');
    const note = forced.notes.find((line) => line.includes('had been imported from one.example.com#post-1'))!;
    const backup = /kept as (\S+\.bak)$/.exec(note)![1]!;
    expect(readFileSync(path.join(contentDir, backup), 'utf8')).toBe(before);
  });
});

describe('one bad post fails alone, in words', () => {
  test('malformed percent-encoding in wp:post_name (100%-sure, %E0%A4%A, a lone %) costs the post its slug only, with a warning', async () => {
    const { dir, contentDir } = workspace();
    const names = ['100%-sure', '%E0%A4%A', '%'];
    const file = write(
      dir,
      'export.xml',
      exportOf([
        good(1),
        ...names.map((name, index) => item(10 + index, `Sure post ${index}`, '<p>Text.</p>', `<wp:post_name>${name}</wp:post_name>`)),
        good(2),
      ]),
    );
    const { items } = await importWordpressExport(file, { contentDir, lang: 'en' });
    expect(items.map((entry) => entry.result?.status ?? entry.failed)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported']);
    expect(items.map((entry) => entry.result!.target)).toEqual([
      'en/good-post-1.mdx',
      'en/sure-post-0.mdx',
      'en/sure-post-1.mdx',
      'en/sure-post-2.mdx',
      'en/good-post-2.mdx',
    ]);
    expect(items[1]!.result!.warnings).toContain('its wp:post_name "100%-sure" is not valid percent-encoding; the slug is made from the title instead');
  });

  test('10,000 nested <div>s fail that post, naming the export, the title and the line; every other post is imported', async () => {
    const { dir, contentDir } = workspace();
    const deep = `${'<div>'.repeat(10_000)}<p>Deep.</p>${'</div>'.repeat(10_000)}`;
    const file = write(dir, 'export.xml', exportOf([good(1), item(2, 'The deep one', deep), good(3)]));
    const { items } = await importWordpressExport(file, { contentDir, lang: 'en' });
    expect(items[0]!.result?.status).toBe('imported');
    expect(items[2]!.result?.status).toBe('imported');
    const xml = readFileSync(file, 'utf8');
    const line = xml.split('\n').findIndex((text, index, lines) => text.trim() === '<item>' && lines[index + 1]!.includes('The deep one')) + 1;
    expect(items[1]!.failed).toMatch(
      new RegExp(`export\\.xml \\(post 2\\): \\(«The deep one», the <item> at line ${line}\\) nests its HTML (?:more than 200 levels deep|too deeply to read)`),
    );
    expect(items[1]!.failed).toMatch(/Simplify the post in WordPress/);
    expect(items[1]!.failed).not.toMatch(/\n\s+at /);
    // Parsing 10,000 levels is slow on a loaded machine: room, not a wait.
  }, 60_000);

  test('a table nested 300 deep (not a div) is refused the same way, and the line is the <item>’s own', () => {
    const deep = `${'<table><tr><td>'.repeat(100)}Cell.${'</td></tr></table>'.repeat(100)}`;
    const xml = exportOf([good(1), item(2, 'Tables', deep)]);
    const line = xml.split('\n').findIndex((text, index, lines) => text.trim() === '<item>' && lines[index + 1]!.includes('Tables')) + 1;
    const [, bad] = readWordpressExport(xml, 'export.xml').items;
    expect(bad!.error?.message).toContain(`(«Tables», the <item> at line ${line}) nests its HTML more than 200 levels deep`);
  });

  test('a post over the per-article size limit (5 MB, as for an article file) fails alone; a smaller limit is held to as well', async () => {
    const { dir, contentDir } = workspace();
    const huge = `<p>${'Long text. '.repeat(600_000)}</p>`;
    const file = write(dir, 'export.xml', exportOf([good(1), item(2, 'Too big', huge), good(3)]));
    const { items } = await importWordpressExport(file, { contentDir, lang: 'en' });
    expect(items.map((entry) => entry.result?.status ?? 'failed')).toEqual(['imported', 'failed', 'imported']);
    expect(items[1]!.failed).toMatch(/\(«Too big», the <item> at line \d+\) is 6\.3 MB, over the 5\.0 MB limit of one article\. Split the post/);
    const small = readWordpressExport(exportOf([item(3, 'Medium', `<p>${'x '.repeat(600_000)}</p>`)]), 'e.xml', { maxPostBytes: 1024 * 1024 }).items[0]!;
    expect(small.error?.message).toMatch(/is 1\.1 MB, over the 1\.0 MB limit of one article/);
    // A 6 MB export is read and normalized whole first: room for a loaded machine.
  }, 60_000);
});

describe('what used to be refused for the wrong reason', () => {
  test('<!ENTITY inside CDATA (a post about XML) imports; a real DOCTYPE is still refused', () => {
    const about = exportOf([item(1, 'Entities explained', '<p>Write <code>&lt;!ENTITY a "b"&gt;</code> or even <!ENTITY x "y"> in a DTD.</p>')]);
    const [post] = readWordpressExport(about, 'xml.xml').items;
    expect(post!.article).toBeDefined();
    const inComment = about.replace('<channel>', '<channel><!-- <!DOCTYPE x [<!ENTITY a "b">]> -->');
    expect(readWordpressExport(inComment, 'c.xml').items[0]!.article).toBeDefined();
    const bomb = about.replace('<rss', '<!DOCTYPE rss [<!ENTITY a "aaaa">]>\n<rss');
    expect(() => readWordpressExport(bomb, 'bomb.xml')).toThrow(/^bomb\.xml: declares XML entities or a DOCTYPE \(at line 2\)/);
  });

  test('a category with a slash is left off its post with a warning naming it; the post imports', async () => {
    const { dir, contentDir } = workspace();
    const categories =
      '<category domain="category" nicename="mena"><![CDATA[Middle East/North Africa]]></category><category domain="post_tag" nicename="q"><![CDATA[Why?]]></category><category domain="post_tag" nicename="ports"><![CDATA[Ports]]></category>';
    const file = write(dir, 'export.xml', exportOf([item(1, 'Regional news', '<p>Text.</p>', categories)]));
    const result = (await importWordpressExport(file, { contentDir, lang: 'en' })).items[0]!.result!;
    expect(result.status).toBe('imported');
    expect(result.warnings.join('\n')).toMatch(/the category «Middle East\/North Africa» .* it is left off this post/);
    expect(result.warnings.join('\n')).toMatch(/the tag «Why\?» .* it is left off this post/);
    expect(readFileSync(path.join(contentDir, result.target), 'utf8')).toMatch(/tags:\n {2}- Ports\n/);
  });

  test('a category and a tag differing only in case are one tag; so are spellings differing in spacing', () => {
    const categories =
      '<category domain="category" nicename="template"><![CDATA[Template]]></category><category domain="post_tag" nicename="template"><![CDATA[template]]></category><category domain="post_tag" nicename="n"><![CDATA[New  York]]></category><category domain="post_tag" nicename="n2"><![CDATA[new york]]></category>';
    const post = readWordpressExport(exportOf([item(1, 'Cased', '<p>Text.</p>', categories)]), 'e.xml').items[0]!.article!;
    expect(post.front.tags).toEqual(['Template', 'New York']);
  });

  test('more categories and tags than an article may have: the first are kept, the rest named in a warning', () => {
    const categories = Array.from({ length: 25 }, (_, index) => `<category domain="post_tag" nicename="t${index}"><![CDATA[Topic ${index}]]></category>`).join(
      '',
    );
    const post = readWordpressExport(exportOf([item(1, 'Tagged', '<p>Text.</p>', categories)]), 'e.xml').items[0]!.article!;
    expect(post.front.tags).toHaveLength(20);
    expect(post.warnings.join('\n')).toMatch(/25 categories and tags, over the limit of 20: the first 20 are kept, and «Topic 20», .*«Topic 24» left off/);
  });
});

describe('the WordPress importer’s own cases', () => {
  test('a WordPress.com image URL is looked up under --media by its path', () => {
    expect(uploadsPath('https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg?w=300')).toBe('2008/06/canola2.jpg');
    expect(uploadsPath('//example.files.wordpress.com/2012/01/a.png')).toBe('2012/01/a.png');
    expect(uploadsPath('https://files.wordpress.com.evil.example/2012/01/a.png')).toBe('https://files.wordpress.com.evil.example/2012/01/a.png');
  });

  test('a WordPress.com image found under --media is imported; a remote one is left out with its caption kept', async () => {
    const { dir, contentDir } = workspace();
    const media = path.join(dir, 'uploads');
    mkdirSync(path.join(media, '2008/06'), { recursive: true });
    writeFileSync(path.join(media, '2008/06/canola.jpg'), readFileSync(new URL('../../fixtures/rich/media/harbour.jpg', import.meta.url)));
    const content =
      '<p>Fields of canola.</p>[caption id="a" width="300"]<img src="https://site.files.wordpress.com/2008/06/canola.jpg" alt="Canola" /> Canola in bloom[/caption][caption id="b"]<img src="https://cdn.example.net/elsewhere.jpg" alt="Elsewhere" /> Taken elsewhere[/caption]';
    const file = write(dir, 'export.xml', exportOf([item(1, 'Canola', content)]));
    const result = (await importWordpressExport(file, { contentDir, lang: 'en', media })).items[0]!.result!;
    expect(result.status).toBe('imported');
    const mdx = readFileSync(path.join(contentDir, result.target), 'utf8');
    expect(mdx).toMatch(/images:\n {2}- \.\/canola\/canola-[0-9a-f]{10}\.jpg\n/);
    expect(mdx).toContain('Taken elsewhere');
    expect(result.warnings.join('\n')).toMatch(/the image "https:\/\/cdn\.example\.net\/elsewhere\.jpg" was left out: it is on another site/);
    expect(readdirSync(path.join(contentDir, 'en/canola'))).toHaveLength(1);
  });

  test('an export with a WXR version WordPress never writes is refused by name; one with no version and no items too', () => {
    const xml = exportOf([good(1)]);
    expect(() => readWordpressExport(xml.replace('<wp:wxr_version>1.2', '<wp:wxr_version>abc'), 'v.xml')).toThrow(
      /^v\.xml: has the WXR version "abc", which is not one WordPress writes/,
    );
    expect(() => readWordpressExport(exportOf([]).replace('<wp:wxr_version>1.2</wp:wxr_version>', ''), 'none.xml')).toThrow(
      /^none\.xml: has no WXR version \(<wp:wxr_version>\) and no <item>/,
    );
    const unversioned = readWordpressExport(xml.replace('<wp:wxr_version>1.2</wp:wxr_version>', ''), 'old.xml');
    expect(unversioned.items[0]!.article).toBeDefined();
    expect(unversioned.warnings[0]).toMatch(/has no WXR version/);
  });

  test('a cut-short export is reported at its last line, in plain words', () => {
    const whole = exportOf([good(1), good(2)]);
    const cut = whole.slice(0, whole.indexOf('<title>Good post 2'));
    const lastLine = cut.trimEnd().split('\n').length;
    expect(() => readWordpressExport(cut, 'cut.xml')).toThrow(
      new RegExp(
        `^cut\\.xml:${lastLine}: is not well-formed XML \\(cut short or broken\\): the file ends while <rss>, <channel>, <item> are still open: it was cut short\\.`,
      ),
    );
  });

  test('an untitled post and a post of nothing but an image are skipped, each with its reason', () => {
    const xml = exportOf([item(1, '', '<p>A status update.</p>'), item(2, 'Photo', '<img src="a.jpg" alt="A">'), good(3)]);
    expect(readWordpressExport(xml, 'e.xml').items.map((entry) => entry.skipped ?? 'read')).toEqual([
      'a post without a title (an aside or status update; give it a title in WordPress to import it)',
      'a post without text (images, embeds or nothing: not an article to read)',
      'read',
    ]);
  });

  test('a quote post (a quotation, no paragraph) imports', () => {
    const post = readWordpressExport(exportOf([item(1, 'A quote', '<blockquote><p>Only a quotation.</p></blockquote>')]), 'e.xml').items[0]!;
    expect(blockLines(post.article!.blocks)).toEqual(['Only a quotation.']);
  });
});

test('nothing is written for a skipped or failed post', async () => {
  const { dir, contentDir } = workspace();
  const file = write(dir, 'export.xml', exportOf([item(2, 'Protected', '<p>Secret.</p>', '<wp:post_password>x</wp:post_password>')]));
  const { items } = await importWordpressExport(file, { contentDir, lang: 'en' });
  expect(items[0]!.skipped).toMatch(/password-protected/);
  expect(existsSync(contentDir)).toBe(false);
});

test('npm run import: --include takes each kind; the skips it prints never advise an option already given', () => {
  const { dir, contentDir } = workspace();
  const file = write(
    dir,
    'hidden.xml',
    exportOf([
      good(1),
      item(2, 'Drafted', '<p>Draft.</p>', '<wp:status>draft</wp:status>'),
      item(3, 'Private', '<p>Private.</p>', '<wp:status>private</wp:status>'),
      item(4, 'Scheduled', '<p>Later.</p>', '<wp:status>future</wp:status>'),
    ]),
  );
  const root = new URL('../../../', import.meta.url);
  const run = (...args: string[]) =>
    spawnSync(path.join(fileURLToPath(root), 'node_modules/.bin/node'), ['tools/import/cli.ts', file, '--lang', 'en', ...args], {
      cwd: root,
      env: { ...process.env, ARSHIF_CONTENT_DIR: contentDir },
      encoding: 'utf8',
    });
  const withDrafts = run('--include', 'drafts');
  expect(withDrafts.status).toBe(0);
  expect(withDrafts.stdout).toMatch(/imported {2}.*\(post 2\) → /);
  expect(withDrafts.stdout).toMatch(/skipped {3}.*\(post 3\): a private post, .*\(pass --include private to publish it\)/);
  expect(withDrafts.stdout).toMatch(/skipped {3}.*\(post 4\): a scheduled post .*\(pass --include future to import it\)/);
  expect(withDrafts.stdout).not.toMatch(/pass --include drafts/);
  const unknown = run('--include', 'drafts,secret');
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toContain('--include takes pages, drafts, private, protected, future, comma-separated (got "secret").');
}, 120_000);
