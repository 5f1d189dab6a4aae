import type { SearchMessages } from './render.ts';

/** Reads the localized messages a search component carries in data-messages. */
export function readMessages(element: HTMLElement): SearchMessages {
  return JSON.parse(element.dataset.messages ?? '{}') as SearchMessages;
}
