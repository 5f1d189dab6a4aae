import { readMessages } from './messages.ts';
import type { ResultsView } from './results-view.ts';

/** Fewer results fit the dialog; the full page has the rest. */
const DIALOG_RESULTS = 6;

function isTypingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * The header's search: a native <dialog> opened by its link (which, without
 * JavaScript, simply leads to the search page), by "/" or by Ctrl/⌘+K. The
 * dialog searches as the reader types; Enter opens the full search page.
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
    const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
    if (shortcut || (event.key === '/' && !isTypingInField(event.target))) {
      event.preventDefault();
      open();
    }
  });
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
