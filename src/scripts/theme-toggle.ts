const STORAGE_KEY = 'arshif-theme';

type Theme = 'light' | 'dark';

function effectiveTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Wires every theme toggle on the page: flips the theme and remembers the choice. */
export function setUpThemeToggle(): void {
  const buttons = document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]');
  const sync = () => {
    const pressed = String(effectiveTheme() === 'dark');
    buttons.forEach((button) => button.setAttribute('aria-pressed', pressed));
  };
  buttons.forEach((button) =>
    button.addEventListener('click', () => {
      const next: Theme = effectiveTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Without storage the choice lasts for this page only.
      }
      sync();
    }),
  );
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', sync);
  sync();
}
