import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// Flags for a closed network: without the background-networking ones Chromium
// keeps trying to reach Google's hosts and those connections are refused.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * Finds a Chromium to drive: CHROMIUM_PATH, then a system Chromium or Chrome,
 * then the one shipped inside the @sparticuz/chromium npm package (Linux x64).
 * Never downloads anything; a missing browser is an error that says what to install.
 */
export async function findChromium(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. Point it at a Chromium or Chrome binary.`);
    return fromEnv;
  }
  const system = SYSTEM_BROWSERS.find((candidate) => existsSync(candidate));
  if (system) return system;
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      const { default: packaged } = await import('@sparticuz/chromium');
      return await packaged.executablePath();
    } catch (error) {
      throw new Error(`No system Chromium found and @sparticuz/chromium failed to unpack: ${String(error)}`);
    }
  }
  throw new Error(
    'No Chromium found for the browser tests. Install one (Debian/Ubuntu: `apt-get install -y chromium`; macOS: Google Chrome) or set CHROMIUM_PATH to its binary.',
  );
}

/** Launches headless Chromium with the flags this machine needs. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await findChromium();
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}
