// Headless Chromium, as Debian installs it (`apt-get install chromium`): a picture of a page at
// a window's size, and the page's DOM once its scripts have run, from one run of the browser.
import { accessSync, constants } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { runNode } from '../../__tests__/support/runner.js'

/** Names it goes by, looked up in PATH in this order; CHROMIUM names one elsewhere. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']
const LIMIT_MS = 60_000

export interface Window {
  width: number
  height: number
}

/** The browser to run, or why there is none. */
export function findChromium(): { path: string } | { missing: string } {
  const named = process.env.CHROMIUM
  const candidates =
    named !== undefined && named !== ''
      ? [named]
      : (process.env.PATH ?? '')
          .split(path.delimiter)
          .filter((dir) => dir !== '')
          .flatMap((dir) => NAMES.map((name) => path.join(dir, name)))
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK)
      return { path: candidate }
    } catch {
      // not this one
    }
  }
  return {
    missing:
      named !== undefined && named !== ''
        ? `CHROMIUM=${named} is not an executable file`
        : `none of ${NAMES.join(', ')} is in PATH (on Debian: apt-get install chromium; ` +
          'or set CHROMIUM to its path)'
  }
}

/** Runs the browser once on `page` with `extra` flags, in a profile of its own; its stdout. */
async function run(browser: string, page: string, window: Window, extra: string[]) {
  const profile = await mkdtemp(path.join(tmpdir(), 'see-summary-chromium-'))
  try {
    const args = [
      '--headless',
      // Running as root (in a container, say) needs it; the page is our own file.
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      `--user-data-dir=${profile}`,
      `--window-size=${String(window.width)},${String(window.height)}`,
      // Lets the page's script run to its end before the DOM is taken.
      '--virtual-time-budget=5000',
      ...extra,
      pathToFileURL(page).href
    ]
    const env = { PATH: process.env.PATH ?? '', HOME: profile }
    const result = await runNode(args, env, LIMIT_MS, { command: browser })
    if (result.code !== 0) {
      const said = result.stderr.trim().split('\n').slice(-5).join('\n')
      throw new Error(`${browser} ended with ${String(result.code ?? result.signal)}:\n${said}`)
    }
    return result.stdout
  } finally {
    await rm(profile, { recursive: true, force: true })
  }
}

/**
 * A PNG of the page's first screen at `window`, and the page's DOM as serialised after its
 * scripts ran. The scripts see a viewport shorter than the window (headless Chromium sizes the
 * viewport to the window only for the picture), so a script must not take its height from
 * innerHeight; the width is the window's.
 */
export function render(
  browser: string,
  page: string,
  png: string,
  window: Window
): Promise<string> {
  return run(browser, page, window, [`--screenshot=${png}`, '--dump-dom'])
}
