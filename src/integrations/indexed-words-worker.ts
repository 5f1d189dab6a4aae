/**
 * The worker thread of IndexedWordCounter (indexed-words.ts): counts the
 * indexed words of each page it is sent, per index part, and hands a part's
 * counts over when asked. Messages are taken in the order they were sent, so
 * a part's counts are complete once its last page was sent before the request.
 */
import { parentPort } from 'node:worker_threads';
import { countIndexedWords } from './search-vocabulary.ts';
import type { CountMessage, PartWords, TakeMessage } from './indexed-words.ts';

const partCounts = new Map<string, Map<string, Map<string, number>>>();

parentPort!.on('message', (message: CountMessage | TakeMessage) => {
  if (message.kind === 'count') {
    let counts = partCounts.get(message.part);
    if (!counts) {
      counts = new Map();
      partCounts.set(message.part, counts);
    }
    countIndexedWords(message.html, counts);
    return;
  }
  const counts = partCounts.get(message.part) ?? new Map();
  partCounts.delete(message.part);
  const words: PartWords = [...counts].map(([language, ofLanguage]) => [language, [...ofLanguage]]);
  parentPort!.postMessage({ part: message.part, words });
});
