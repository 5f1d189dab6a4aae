import { createHash } from 'node:crypto';

/**
 * Runs in <head> before first paint: applies the reader's saved theme so the
 * page never flashes the other one. Inline (a file would cost a blocking round
 * trip), and allowed by the Content-Security-Policy through its sha256 hash,
 * which public/_headers lists and a unit test keeps in step.
 */
export const THEME_INIT_SCRIPT =
  "try{var t=localStorage.getItem('arshif-theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}";

/** The CSP source expression that allows exactly this script. */
export function themeInitHash(): string {
  return `'sha256-${createHash('sha256').update(THEME_INIT_SCRIPT).digest('base64')}'`;
}
