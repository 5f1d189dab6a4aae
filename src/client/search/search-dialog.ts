import { readMessages } from './messages.ts';
import type { ResultsView } from './results-view.ts';

/** Fewer results fit the dialog; the full page has the rest. */
const DIALOG_RESULTS = 6;

function isTypingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * The shortcuts, by physical key (event.code) so they work on an Arabic
 * layout, where the key for "/" types «ظ» and the one for K types «ن»; the
 * character itself is accepted too, for layouts that put "/" elsewhere.
 */
export function isSearchShortcut(event: KeyboardEvent): 'slash' | 'modifier-k' | undefined {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.code === 'KeyK' || event.key.toLowerCase() === 'k')) return 'modifier-k';
  if (!event.ctrlKey && !event.metaKey && !event.altKey && (event.code === 'Slash' || event.key === '/')) return 'slash';
  return undefined;
}

/**
 * Arrow keys move through the results: Down from the field to the first
 * result, Up and Down between results, Up from the first back to the field.
 */
function moveThroughResults(dialog: HTMLDialogElement, input: HTMLInputElement, event: KeyboardEvent): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = Array.from(dialog.querySelectorAll<HTMLAnchorElement>('[data-search-results] a[href]'));
  if (links.length === 0) return;
  const active = document.activeElement;
  const index = active instanceof HTMLAnchorElement ? links.indexOf(active) : -1;
  if (active !== input && index === -1) return;
  event.preventDefault();
  if (event.key === 'ArrowDown') links[Math.min(index + 1, links.length - 1)]!.focus();
  else if (index <= 0) input.focus();
  else links[index - 1]!.focus();
}

/**
 * The header's search: a native <dialog> opened by its link (which, without
 * JavaScript, simply leads to the search page), by "/" or by Ctrl/⌘+K. The
 * dialog searches as the reader types; arrow keys move through the results;
 * Enter opens the full search page.
 * The search code itself loads on first use, so reading a page costs none of it.
 */
export function setUpSearchDialog(): void {
  const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
  const triggers = document.querySelectorAll<HTMLAnchorElement>('[data-search-open]');
  if (!dialog || triggers.length === 0) return;
  const input = dialog.querySelector<HTMLInputElement>('input[name="q"]')!;
  let view: Promise<ResultsView> | undefined;
  const loadView = () =>
    (view ??= import('./results-view.ts').then(
      ({ ResultsView }) =>
        new ResultsView(
          dialog.querySelector<HTMLElement>('[data-search-status]')!,
          dialog.querySelector<HTMLOListElement>('[data-search-results]')!,
          readMessages(dialog),
          3,
        ),
    ));

  const open = () => {
    if (dialog.open) return;
    dialog.showModal();
    input.focus();
    input.select();
    void loadView();
  };
  for (const trigger of triggers) {
    trigger.addEventListener('click', (event) => {
      event.preventDefault();
      open();
    });
  }
  document.addEventListener('keydown', (event) => {
    const shortcut = isSearchShortcut(event);
    if (shortcut === 'modifier-k' || (shortcut === 'slash' && !isTypingInField(event.target))) {
      event.preventDefault();
      open();
    }
  });
  dialog.addEventListener('keydown', (event) => moveThroughResults(dialog, input, event));
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  // In a search field Escape would first clear the text; here it closes the dialog, as readers expect.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
    }
  });
  // A click on the backdrop (outside the dialog's box) closes it, as readers expect.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void loadView().then((results) => results.show(input.value, {}, DIALOG_RESULTS)), 150);
  });
}
