import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { escapeHtml, IMAGE_PLACEHOLDER, renderArticleBody } from '../../../src/article/body.ts';
import { importArticle } from '../../../tools/import/import-article.ts';
import { splitMdxFile } from '../../../tools/import/to-mdx.ts';
import { verifyArchive } from '../../../tools/verify/verify-archive.ts';

/**
 * A built article page tampered with in the ways a red team did: each must
 * fail `npm run verify`, naming the page and what differs. The faithful page
 * is made as the site makes it: the imported MDX body through the site's own
 * renderer (src/article/body.ts), the photograph as astro:assets writes it
 * (articleImageHtml: /_astro/<original name>.<hash>_<transform>.webp).
 */

const photograph = fileURLToPath(new URL('../../fixtures/rich/media/harbour.jpg', import.meta.url));

let work: string;
let contentDir: string;
let distDir: string;
let pageFile: string;
let faithful: string;
let stylesheet: string;

function sitePage(title: string, body: string, head = ''): string {
  const rendered = renderArticleBody(body);
  const html = rendered.html.replace(IMAGE_PLACEHOLDER, (_, index: string) => {
    const image = rendered.images[Number(index)]!;
    const stem = image.src
      .split('/')
      .pop()!
      .replace(/\.[^.]+$/, '');
    const url = (width: number) => `/_astro/${stem}.Bx3kQ_Z1u${width}.webp`;
    return `<img src="${url(1000)}" srcset="${url(480)} 480w, ${url(800)} 800w, ${url(1000)} 1000w" alt="${escapeHtml(image.alt)}" sizes="(min-width: 50rem) 46rem, 100vw" loading="eager" decoding="async" fetchpriority="high" width="1000" height="600">`;
  });
  return `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8">${head}<link rel="stylesheet" href="/_astro/site.css"></head><body><header><a href="/en/">Archive</a></header><main id="main" tabindex="-1"><article class="article" data-pagefind-body lang="en" dir="ltr"><h1 data-article-title data-pagefind-meta="title">${escapeHtml(title)}</h1><div class="article-body" data-article-body>${html}</div></article></main><script type="module" src="/_astro/search.js"></script></body></html>`;
}

function verifyTampered(html: string) {
  writeFileSync(pageFile, html);
  return verifyArchive({ contentDir, distDir }).outcomes[0]!;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'arshif-tampering-'));
  contentDir = path.join(work, 'content');
  distDir = path.join(work, 'dist');
  stylesheet = path.join(distDir, '_astro/site.css');
  const input = path.join(work, 'in');
  mkdirSync(path.join(input, 'media'), { recursive: true });
  copyFileSync(photograph, path.join(input, 'media/harbour.jpg'));
  writeFileSync(
    path.join(input, 'harbour.md'),
    '# The harbour reopens\n\nThe port reopened on Monday after repairs.\n\nThe ministry published [its report](https://example.com/report) the same day.\n\n![Cranes at dusk](media/harbour.jpg "The cranes at dusk")\n\nShips are expected within the week.\n',
  );
  await importArticle(path.join(input, 'harbour.md'), { contentDir, lang: 'en', slug: 'harbour' });
  const parts = splitMdxFile(readFileSync(path.join(contentDir, 'en/harbour.mdx'), 'utf8'))!;
  faithful = sitePage('The harbour reopens', parts.body);
  pageFile = path.join(distDir, 'en/articles/harbour/index.html');
  mkdirSync(path.dirname(pageFile), { recursive: true });
  mkdirSync(path.join(distDir, '_astro'), { recursive: true });
  writeFileSync(stylesheet, siteStyles);
});

/** The kinds of hiding rule the site's own stylesheet has: none of them applies to an article's text on screen. */
const siteStyles = `.visually-hidden{clip-path:inset(50%);position:absolute;width:1px;height:1px}
.search-more[hidden]{display:none}
@media (hover:none),(pointer:coarse){.search-shortcut{display:none}}
.breadcrumbs li+li:before{content:"/";color:gray}
::-webkit-scrollbar{display:none}
.article-body p{margin-block:1em}
@media print{.site-header,.no-print{display:none}.article-body a[href^=http]:after{content:" (" attr(href) ")"}}`;

function withStyles(css: string): void {
  writeFileSync(stylesheet, `${siteStyles}\n${css}`);
}

describe('verify compares what a reader sees', () => {
  test('the faithful page passes', () => {
    expect(verifyTampered(faithful)).toEqual({ article: path.join(contentDir, 'en/harbour.mdx'), ok: true });
  });

  test('a hidden decoy copy of the body placed first, with the visible text changed, fails', () => {
    const body = /<div class="article-body" data-article-body>[\s\S]*?<\/div><\/article>/.exec(faithful)![0].replace('</article>', '');
    const decoy = `<div hidden>${body}</div>`;
    const tampered = faithful.replace('reopened on Monday', 'never reopened').replace('<h1 data-article-title', `${decoy}<h1 data-article-title`);
    expect(tampered.indexOf('reopened on Monday')).toBeLessThan(tampered.indexOf('never reopened'));
    const outcome = verifyTampered(tampered);
    expect(outcome.ok).toBe(false);
    expect(outcome.problem).toBe(
      `the page ${pageFile} has 1 [data-article-title] and 2 [data-article-body] elements; an article page has one of each (a second copy is a decoy: readers see one, verify would read the other).`,
    );
  });

  test('the only marked body hidden, the visible copy unmarked, fails', () => {
    const tampered = faithful.replace('<div class="article-body" data-article-body>', '<div class="article-body" data-article-body hidden>');
    expect(verifyTampered(tampered).problem).toBe(
      `the page ${pageFile} hides the article from readers: hidden on <div class="article-body" data-article-body hidden>.`,
    );
  });

  test('a paragraph set hidden fails, naming it', () => {
    const tampered = faithful.replace('<p>Ships are expected', '<p hidden>Ships are expected');
    expect(verifyTampered(tampered).problem).toBe(`the page ${pageFile} differs from its MDX body: <p hidden> where its source has <p>.`);
  });

  test('a style attribute added to a paragraph fails', () => {
    const tampered = faithful.replace('<p>Ships are expected', '<p style="display:none">Ships are expected');
    expect(verifyTampered(tampered).problem).toBe(`the page ${pageFile} differs from its MDX body: <p style="display:none"> where its source has <p>.`);
  });

  test('a link re-pointed to javascript: or to another site fails, naming both targets', () => {
    for (const target of ['javascript:alert(1)', 'https://evil.example/report']) {
      const tampered = faithful.replace('href="https://example.com/report"', `href="${target}"`);
      expect(verifyTampered(tampered).problem).toBe(
        `the page ${pageFile} differs from its MDX body: <a href="${target}"> where its source has <a href="https://example.com/report">.`,
      );
    }
  });

  test('an onmouseover handler fails, inside the body or anywhere on the page', () => {
    const inBody = faithful.replace('<p>Ships are expected', '<p onmouseover="alert(1)">Ships are expected');
    expect(verifyTampered(inBody).problem).toBe(
      `the page ${pageFile} holds an event handler onmouseover on <p onmouseover="alert(1)">, which runs script: the site writes none.`,
    );
    const inHeader = faithful.replace('<header>', '<header onclick="steal()">');
    expect(verifyTampered(inHeader).problem).toMatch(/holds an event handler onclick on <header onclick="steal\(\)">, which runs script/);
  });

  test('the photograph swapped for a remote one fails, naming the URL', () => {
    const tampered = faithful.replace(/src="\/_astro\/[^"]+"/, 'src="https://tracker.example/pixel.webp"');
    expect(verifyTampered(tampered).problem).toMatch(
      new RegExp(
        `^the page ${pageFile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} differs from its MDX body: the photograph \\./harbour/harbour-[0-9a-f]{10}\\.jpg is shown from "https://tracker\\.example/pixel\\.webp", not from the site itself\\.$`,
      ),
    );
    const protocolRelative = faithful.replace(/ 480w/, ' 480w, //tracker.example/big.webp 2000w');
    expect(verifyTampered(protocolRelative).problem).toMatch(/is shown from "\/\/tracker\.example\/big\.webp", not from the site itself/);
  });

  test('the photograph swapped for another local file, or its description changed, fails', () => {
    const other = faithful.replace(/src="\/_astro\/[^".]+/, 'src="/_astro/someone-else');
    expect(verifyTampered(other).problem).toMatch(
      /the photograph \.\/harbour\/harbour-[0-9a-f]{10}\.jpg is shown as "\/_astro\/someone-else\.[^"]+", another file/,
    );
    const alt = faithful.replace('alt="Cranes at dusk"', 'alt="Protesters at the gate"');
    expect(verifyTampered(alt).problem).toMatch(/has the description "Protesters at the gate" where its source has "Cranes at dusk"/);
  });

  test('a <base href> injected in the head fails: it re-points every relative link and image', () => {
    const tampered = faithful.replace('<meta charset="utf-8">', '<meta charset="utf-8"><base href="https://evil.example/">');
    expect(verifyTampered(tampered).problem).toBe(
      `the page ${pageFile} holds <base href="https://evil.example/">, which re-points every relative link and image: the site writes none.`,
    );
  });

  describe('styles that hide the article or put other text in it fail, naming the rule and its file', () => {
    afterEach(() => writeFileSync(stylesheet, siteStyles));

    test('a rule in the site’s stylesheet hiding one paragraph', () => {
      withStyles('[data-article-body] p:nth-child(2){display:none}');
      expect(verifyTampered(faithful).problem).toBe(
        `the page ${pageFile} is styled to hide the article or show text it does not hold: [data-article-body] p:nth-child(2) { display:none } in ${path.join('_astro', 'site.css')}.`,
      );
    });

    test('transparent, shrunk, clipped or reordered text, and text added before the title', () => {
      for (const rule of [
        'main article{opacity:0}',
        '.article-body p:last-of-type{color:rgba(0,0,0,0)}',
        'h1{font-size:0}',
        '.article-body :is(p, li){clip-path:circle(0)}',
        'p{unicode-bidi:bidi-override;direction:rtl}',
        '[data-article-title]::before{content:"Breaking: "}',
        'p:hover{visibility:hidden}',
      ]) {
        withStyles(rule);
        expect(verifyTampered(faithful).problem, rule).toMatch(/is styled to hide the article or show text it does not hold/);
      }
    });

    test('the site’s own class for screen readers put on the article', () => {
      const tampered = faithful.replace('<article class="article"', '<article class="article visually-hidden"');
      expect(verifyTampered(tampered).problem).toMatch(/is styled to hide the article .*\.visually-hidden \{ clip-path:inset\(50%\) \} in /);
    });

    test('a rule only for print, or for what holds no text, passes', () => {
      withStyles('@media print{[data-article-body]{display:none}} [data-article-body] li::marker{content:none} .site-nav{display:none}');
      expect(verifyTampered(faithful).ok).toBe(true);
    });

    test('a <style> element, or a style attribute anywhere on the page', () => {
      const styleElement = faithful.replace('</head>', '<style>[data-article-body]{display:none}</style></head>');
      expect(verifyTampered(styleElement).problem).toMatch(
        /holds a <style> element \(the site keeps its styles in files of its own\): the site writes none\.$/,
      );
      const overlay = faithful.replace('</main>', '</main><div style="position:fixed;inset:0;background:white">The port stays closed.</div>');
      expect(verifyTampered(overlay).problem).toMatch(
        /holds a style attribute on <div style="position:fixed;inset:0;background:white"> \(the site writes none\)/,
      );
    });

    test('a stylesheet from another site, or one the build did not write', () => {
      for (const href of ['https://evil.example/site.css', '//evil.example/site.css', '/_astro/missing.css', '/../outside.css']) {
        const tampered = faithful.replace('href="/_astro/site.css"', `href="${href}"`);
        expect(verifyTampered(tampered).problem, href).toBe(`the page ${pageFile} links to a stylesheet "${href}" that is not one of the site's own files.`);
      }
    });

    test('a stylesheet that imports another', () => {
      withStyles('@import url("https://evil.example/more.css");');
      expect(verifyTampered(faithful).problem).toMatch(/@import url\("https:\/\/evil\.example\/more\.css"\) \{ rules verify does not read \}/);
    });
  });
});
