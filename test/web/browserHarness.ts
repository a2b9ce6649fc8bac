/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// page.evaluate callbacks run in the browser: the web tests need the DOM types.
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { loadSeed } from "../../seed/loadSeed.js";
import { type AppDeps, buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { createTestDb, type TestDb } from "../support/testDb.js";
import { astralSheet } from "./webSheets.js";

/** Debian's Chromium, driven by playwright-core (no downloaded browser). */
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];
const SCREENSHOTS = fileURLToPath(new URL("../../screenshots/", import.meta.url));
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface Brief {
  id: number;
  quote: string;
  speaker: { slug: string; name: string };
  chain: string;
}
export interface ContradictionRow {
  id: number;
  status: string;
  version: number;
  sides: [Brief, Brief];
}

export interface WebHarness {
  testDb: TestDb;
  base: string;
  /** The page of the current test (see `freshPage`). */
  page: Page;
  /** GET a JSON API path; fails the test on a non-200. */
  api<T>(path: string): Promise<T>;
  /** A new browser context (fresh sessionStorage) and page; page errors fail the test. */
  freshPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Opens a view by its hash path and waits until it has rendered. */
  open(hash: string): Promise<void>;
  /** Waits until the current view has rendered (a heading, nothing loading). */
  settled(): Promise<void>;
  /** Saves `screenshots/NAME.png`: the whole page, or only the viewport (an open dialog). */
  screenshot(name: string, fullPage?: boolean): Promise<void>;
  /** Pixels the page sticks out sideways (0: it reads without horizontal scrolling). */
  horizontalOverflow(): Promise<number>;
  /** The Peskov vs Kyodo contradiction, as the API lists it. */
  peskovKyodo(): Promise<ContradictionRow>;
}

/**
 * For one test file: a fresh database with the astral test article and then the seed, the real
 * app (with `config` over the defaults) listening on an ephemeral port of 127.0.0.1, and one
 * headless Chromium.
 */
export function useWebHarness(config: Partial<AppDeps["config"]> = {}): WebHarness {
  let server: Server;
  let browser: Browser;
  let context: BrowserContext | undefined;
  const harness = {
    base: "",
    async api<T>(path: string): Promise<T> {
      const response = await fetch(`${harness.base}${path}`);
      expect(response.status).toBe(200);
      return (await response.json()) as T;
    },
    async freshPage(viewport = DESKTOP) {
      await context?.close();
      context = await browser.newContext({ viewport });
      const page = await context.newPage();
      page.on("pageerror", (error) => {
        throw error;
      });
      harness.page = page;
      return page;
    },
    async open(hash: string) {
      await harness.page.goto(`${harness.base}/#${hash}`);
      await harness.settled();
    },
    async settled() {
      await harness.page.waitForSelector("main:not([aria-busy]) h1", { state: "attached" });
    },
    async screenshot(name: string, fullPage = true) {
      await harness.page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage });
    },
    async horizontalOverflow() {
      return harness.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    },
    async peskovKyodo() {
      const rows = (await harness.api<{ data: ContradictionRow[] }>("/api/contradictions?limit=500")).data;
      const chains = (row: ContradictionRow) => row.sides.map((side) => side.chain).join(" ");
      const found = rows.find((row) => /Peskov/.test(chains(row)) && /Kyodo/.test(chains(row)));
      if (!found) throw new Error("no Peskov vs Kyodo contradiction in the test data");
      return found;
    },
  } as WebHarness;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness.testDb = createTestDb();
    // The astral article first: its (dismissed) contradiction is then older than the seed's.
    await importClaimSheet(harness.testDb.db, astralSheet());
    await loadSeed(harness.testDb.db);
    const app = buildApp({ config: { ...loadConfig({}), ...config }, db: harness.testDb.db });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    harness.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await harness.testDb?.close();
  });

  return harness;
}
