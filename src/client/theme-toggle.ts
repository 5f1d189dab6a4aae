/** The key THEME_INIT_SCRIPT (src/site/theme-init.ts) reads before first paint; no entry means: follow the system. */
const THEME_STORAGE_KEY = 'arshif-theme';

type ThemeChoice = 'system' | 'light' | 'dark';

/** The reader's choice: light or dark when one was saved, else the system's. */
function currentChoice(): ThemeChoice {
  const chosen = document.documentElement.dataset.theme;
  return chosen === 'light' || chosen === 'dark' ? chosen : 'system';
}

/**
 * Wires the theme buttons (system / light / dark): applies and remembers the
 * choice, and marks the one in force with aria-pressed. "System" forgets the
 * saved choice, so the page follows the operating system again. The saved
 * choice is applied before first paint by the inline script in <head>
 * (src/site/theme-init.ts), so no page flashes the other theme.
 */
export function setUpThemeChoice(): void {
  const buttons = document.querySelectorAll<HTMLButtonElement>('[data-theme-choice]');
  const sync = () => {
    const choice = currentChoice();
    buttons.forEach((button) => {
      button.setAttribute('aria-pressed', String(button.dataset.themeChoice === choice));
    });
  };
  buttons.forEach((button) => {
    button.addEventListener('click', () => {
      const choice = button.dataset.themeChoice as ThemeChoice;
      const root = document.documentElement;
      try {
        if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
        else localStorage.setItem(THEME_STORAGE_KEY, choice);
      } catch {
        // Without storage the choice lasts for this page only.
      }
      if (choice === 'system') delete root.dataset.theme;
      else root.dataset.theme = choice;
      sync();
    });
  });
  sync();
}
