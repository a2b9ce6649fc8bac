/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// page.evaluate callbacks run in the browser: they need the DOM types.
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSeed } from "../../seed/loadSeed.js";
import { buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { createTestDb, type TestDb } from "../support/testDb.js";
import { ASTRAL_QUOTE, astralSheet } from "./webSheets.js";

// One Chromium for the whole file; each test gets a fresh context (its own sessionStorage).
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
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

interface Brief {
  id: number;
  quote: string;
  speaker: { slug: string; name: string };
  chain: string;
}
interface Row {
  id: number;
  status: string;
  sides: [Brief, Brief];
}

let testDb: TestDb;
let server: Server;
let base: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The Peskov vs Kyodo contradiction, as the API lists it. */
let peskovKyodo: Row;
let dismissed: Row;
let rows: Row[];

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${base}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** Opens a view and waits until it has rendered (its heading is there and nothing is loading). */
async function open(hash: string): Promise<void> {
  await page.goto(`${base}/#${hash}`);
  await settled();
}

async function settled(): Promise<void> {
  await page.waitForSelector("main:not([aria-busy]) h1", { state: "attached" });
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Nothing sticks out sideways: the page reads without horizontal scrolling. */
async function horizontalOverflow(): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  testDb = createTestDb();
  await importClaimSheet(testDb.db, astralSheet());
  await loadSeed(testDb.db);
  const app = buildApp({ config: loadConfig({}), db: testDb.db });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rows = (await api<{ data: Row[] }>("/api/contradictions?limit=500")).data;
  const found = rows.find((row) => /Peskov/.test(row.sides.map((s) => s.chain).join(" ")) && /Kyodo/.test(row.sides.map((s) => s.chain).join(" ")));
  if (!found) throw new Error("no Peskov vs Kyodo contradiction in the test data");
  peskovKyodo = found;
  // The astral sheet's contradiction: dismissed, and older than every seed contradiction.
  dismissed = rows.find((row) => row.status === "dismissed")!;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await testDb?.close();
});

async function freshPage(viewport = DESKTOP): Promise<Page> {
  await context?.close();
  context = await browser.newContext({ viewport });
  page = await context.newPage();
  page.on("pageerror", (error) => {
    throw error;
  });
  return page;
}

describe("contradictions queue", () => {
  it("lists proposed contradictions first", async () => {
    await freshPage();
    await open("/contradictions");
    const listed = await page.locator(".queue-item").evaluateAll((items) =>
      items.map((item) => [Number(item.getAttribute("data-relation-id")), item.getAttribute("data-status")]),
    );
    const statusRank = ["proposed", "needs_evidence", "confirmed", "dismissed"];
    const expected = [...rows]
      .sort((a, b) => statusRank.indexOf(a.status) - statusRank.indexOf(b.status) || a.id - b.id)
      .map((row) => [row.id, row.status]);
    expect(listed).toEqual(expected);
    expect(listed[0]).toEqual([peskovKyodo.id, "proposed"]);
    expect(listed.at(-1)).toEqual([dismissed.id, "dismissed"]);
    expect(dismissed.id).toBeLessThan(peskovKyodo.id);
    await screenshot("queue");
  });

  it("filters by labelled status, source and topic controls and builds the download links from them", async () => {
    await freshPage();
    await open("/contradictions");
    await page.getByLabel("Status").selectOption("dismissed");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/#\/contradictions\?status=dismissed$/);
    await page.waitForFunction(() => [...document.querySelectorAll(".queue-item")].every((item) => item.getAttribute("data-status") === "dismissed"));
    const dismissed = rows.filter((row) => row.status === "dismissed").map((row) => row.id);
    expect(await page.locator(".queue-item").evaluateAll((items) => items.map((item) => Number(item.getAttribute("data-relation-id"))))).toEqual(dismissed);

    const kyodo = peskovKyodo.sides.map((side) => side.chain).join(" <- ");
    const sources = (await api<{ data: { slug: string; name: string }[] }>("/api/sources?limit=500")).data;
    const kyodoSource = sources.find((source) => /^Kyodo/.test(source.name) && kyodo.includes(source.name))!;
    const topic = "ukraine-war";
    const filtered = (await api<{ data: Row[] }>(`/api/contradictions?source=${kyodoSource.slug}&topic=${topic}&limit=500`)).data.map((row) => row.id);
    expect(filtered).toContain(peskovKyodo.id);
    await page.getByLabel("Status").selectOption("");
    await page.getByLabel("Source").selectOption(kyodoSource.slug);
    await page.getByLabel("Topic").selectOption(topic);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(new RegExp(`#/contradictions\\?source=${kyodoSource.slug}&topic=${topic}$`));
    await page.waitForFunction(
      (ids) => [...document.querySelectorAll(".queue-item")].map((item) => Number(item.getAttribute("data-relation-id"))).sort().join() === ids,
      [...filtered].sort().join(),
    );
    expect(await page.getByRole("link", { name: /^CSV/ }).getAttribute("href")).toBe(
      `/api/export/claims.csv?source=${kyodoSource.slug}&topic=${topic}&download=1`,
    );
    expect(await page.getByRole("link", { name: /^XLSX/ }).getAttribute("href")).toBe(
      `/api/export/claims.xlsx?source=${kyodoSource.slug}&topic=${topic}&download=1`,
    );
  });
});

describe("comparison view", () => {
  it("is reached from the queue with the keyboard and highlights both quotes inside their article text", async () => {
    await freshPage();
    await open("/contradictions");
    const target = `#/contradictions/${peskovKyodo.id}`;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.getAttribute("href"))) === target) break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(target);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`${target}$`));
    await settled();

    const detail = (await api<{ data: { comparison: Record<"a" | "b", { claim: { id: number; quote: string } }> } }>(`/api/contradictions/${peskovKyodo.id}`)).data;
    for (const key of ["a", "b"] as const) {
      const side = page.locator(`[data-side="${key}"]`);
      expect(await side.getAttribute("data-claim-id")).toBe(String(detail.comparison[key].claim.id));
      const marked = await side.locator(".article-text mark.mark-self").allTextContents();
      expect(marked.join("")).toBe(detail.comparison[key].claim.quote);
      expect(await side.locator(".article-text mark.mark-self").first().isVisible()).toBe(true);
    }
    // The Thai font stack is what the text asks for; the screenshot shows what it got.
    const fontFamily = await page.locator(".article-text").first().evaluate((el) => getComputedStyle(el).fontFamily);
    expect(fontFamily.startsWith('"Noto Sans Thai", Sarabun, "Leelawadee UI"')).toBe(true);
    expect(await page.locator(".article-text").first().getAttribute("lang")).toBe("th");
    await screenshot("compare");

    await page.setViewportSize(PHONE);
    expect(await horizontalOverflow()).toBe(0);
    await screenshot("compare-phone");
  });

  it("draws each chain link by link with badges for anonymous sources and hop distance", async () => {
    await freshPage();
    await open(`/contradictions/${peskovKyodo.id}`);
    const kyodoSide = page.locator(".side", { hasText: "Kyodo" });
    const links = await kyodoSide.locator(".chain").first().locator(".chain-link").evaluateAll((items) =>
      items.map((item) => [item.querySelector(".role")?.textContent, item.querySelector(".source a")?.textContent]),
    );
    expect(links.map(([role]) => role)).toEqual(["speaker", "reporter", "publisher"]);
    expect(links[1]![1]).toMatch(/Kyodo/);
    expect(await kyodoSide.locator(".chain .badge", { hasText: "anonymous" }).count()).toBeGreaterThan(0);
    expect(await kyodoSide.locator(".hop-summary").textContent()).toMatch(/^Hop distance 2 /);
    const peskovSide = page.locator(".side", { hasText: "Peskov" }).first();
    expect(await peskovSide.locator(".chain-link .role").first().textContent()).toBe("speaker");
    expect(await page.locator(".rationale-box").textContent()).toContain("Peskov");
  });
});

describe("sources directory", () => {
  it("lists every source with kind, country, affiliation, names and badges, and opens its claims by role", async () => {
    await freshPage();
    await open("/sources");
    const sources = (await api<{ data: { slug: string; name: string; stateControlled: boolean; kind: string }[] }>("/api/sources?limit=500")).data;
    expect(await page.locator("tbody tr").count()).toBe(sources.length);
    const stateMedia = sources.find((source) => source.stateControlled)!;
    expect(await page.locator(`tr[data-source="${stateMedia.slug}"] .badge`).allTextContents()).toContain("state-controlled");
    const anonymous = sources.find((source) => source.kind === "anonymous")!;
    expect(await page.locator(`tr[data-source="${anonymous.slug}"] .badge`).allTextContents()).toContain("anonymous");
    expect(await page.locator('tr[data-source="dmitry-peskov"] td[data-label="Names in the text"]').textContent()).toContain("เพสคอฟ");
    expect(await page.locator('tr[data-source="dmitry-peskov"] td[data-label="Affiliation"]').textContent()).toContain("Kremlin");
    await screenshot("sources");

    await page.setViewportSize(PHONE);
    expect(await horizontalOverflow()).toBe(0);
    await screenshot("sources-phone");
    await page.setViewportSize(DESKTOP);

    await page.getByRole("link", { name: "Kyodo News", exact: true }).click();
    await page.waitForURL(/#\/sources\/kyodo$/);
    await settled();
    const reported = (await api<{ data: { quote: string }[] }>("/api/sources/kyodo/claims?role=reporter&limit=500")).data;
    expect(reported.length).toBeGreaterThan(0);
    expect(await page.locator('[data-role="reporter"] h2').textContent()).toBe(`Claims as first reporter (${reported.length})`);
    expect(await page.locator('[data-role="speaker"] h2').textContent()).toBe("Claims as speaker (0)");
    expect(await page.locator('[data-role="reporter"] .quote').allTextContents()).toEqual(reported.map((claim) => claim.quote));
    await screenshot("source");
  });
});

describe("article view", () => {
  it("highlights every claim's span and links it to the claim", async () => {
    await freshPage();
    const article = (await api<{ data: { slug: string; claims: { id: number; quote: string }[] } }>("/api/articles/infoquest-kim-putin-2023-09-20")).data;
    await open(`/articles/${article.slug}`);
    for (const claim of article.claims) {
      const marks = page.locator(`.article-text mark[data-claim-ids~="${claim.id}"]`);
      expect((await marks.allTextContents()).join("")).toBe(claim.quote);
    }
    await screenshot("article");

    const first = article.claims[0]!;
    await page.locator(`.article-text mark[data-claim-ids~="${first.id}"] a`).first().click();
    await page.waitForURL(new RegExp(`#/claims/${first.id}$`));
    await settled();
    expect(await page.locator("blockquote.quote").textContent()).toBe(first.quote);
    await screenshot("claim");
  });

  it("cuts code-point spans correctly after emoji and flags (UTF-16 surrogate pairs)", async () => {
    await freshPage();
    await open("/articles/test-wire-rice-prices");
    const claims = (await api<{ data: { claims: { id: number; quote: string }[] } }>("/api/articles/test-wire-rice-prices")).data.claims;
    expect(claims.map((claim) => claim.quote)).toContain(ASTRAL_QUOTE);
    for (const claim of claims) {
      expect(await page.locator(`.article-text mark[data-claim-ids="${claim.id}"]`).allTextContents()).toEqual([claim.quote]);
    }
  });
});
