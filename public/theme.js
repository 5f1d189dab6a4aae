// Runs before first paint (a blocking classic script in <head>, not inline, so
// the Content-Security-Policy needs no hash): applies the reader's saved theme
// so the page never flashes the other one.
try {
  var savedTheme = localStorage.getItem('arshif-theme');
  if (savedTheme === 'dark' || savedTheme === 'light') document.documentElement.dataset.theme = savedTheme;
} catch (error) {
  // Storage can be disabled; the system preference then decides.
}
