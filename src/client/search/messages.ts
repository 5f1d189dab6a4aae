import type { SearchMessages } from './render.ts';

/** The results view's messages: the results' own (render.ts), and the notice that a search ran offline. */
export interface SearchViewMessages extends SearchMessages {
  /** Offline: only the articles kept on this device were searched. */
  offline: string;
}

/** Reads the localized messages a search component carries in data-messages. */
export function readMessages(element: HTMLElement): SearchViewMessages {
  return JSON.parse(element.dataset.messages ?? '{}') as SearchViewMessages;
}
