import { beforeAll, describe, expect, it } from "vitest";
import { type ContradictionRow, DESKTOP, PHONE, useWebHarness } from "./browserHarness.js";
import { ASTRAL_QUOTE } from "./webSheets.js";

const web = useWebHarness();
let rows: ContradictionRow[];
/** Every relation, of every type: what the queue lists by default. */
let allRows: (ContradictionRow & { type: string })[];
let peskovKyodo: ContradictionRow;
/** The astral article's contradiction: dismissed, and older than every seed contradiction. */
let dismissed: ContradictionRow;

beforeAll(async () => {
  rows = (await web.api<{ data: ContradictionRow[] }>("/api/contradictions?limit=500")).data;
  allRows = (await web.api<{ data: typeof allRows }>("/api/contradictions?type=any&limit=500")).data;
  peskovKyodo = await web.peskovKyodo();
  dismissed = rows.find((row) => row.status === "dismissed")!;
});

describe("contradictions queue", () => {
  it("lists every relation type, contradictions first, proposed first within each type", async () => {
    await web.freshPage();
    await web.open("/contradictions");
    const listed = await web.page
      .locator(".queue-item")
      .evaluateAll((items) =>
        items.map((item) => [Number(item.getAttribute("data-relation-id")), item.getAttribute("data-status")]),
      );
    const statusRank = ["proposed", "needs_evidence", "confirmed", "dismissed"];
    const typeRank = ["contradicts", "supports", "qualifies"];
    const expected = [...allRows]
      .sort(
        (a, b) =>
          typeRank.indexOf(a.type) - typeRank.indexOf(b.type) ||
          statusRank.indexOf(a.status) - statusRank.indexOf(b.status) ||
          a.id - b.id,
      )
      .map((row) => [row.id, row.status]);
    expect(listed).toEqual(expected);
    expect(new Set(allRows.map((row) => row.type))).toEqual(new Set(["contradicts", "supports", "qualifies"]));
    expect(listed[0]).toEqual([peskovKyodo.id, "proposed"]);
    expect(listed[rows.length - 1]).toEqual([dismissed.id, "dismissed"]);
    expect(dismissed.id).toBeLessThan(peskovKyodo.id);
    await web.screenshot("queue");
  });

  it("filters by labelled status, source and topic controls and builds the download links from them", async () => {
    await web.freshPage();
    await web.open("/contradictions");
    await web.page.getByLabel("Status").selectOption("dismissed");
    await web.page.getByRole("button", { name: "Apply filters" }).click();
    await web.page.waitForURL(/#\/contradictions\?status=dismissed$/);
    await web.page.waitForFunction(() =>
      [...document.querySelectorAll(".queue-item")].every((item) => item.getAttribute("data-status") === "dismissed"),
    );
    const dismissed = allRows.filter((row) => row.status === "dismissed").map((row) => row.id);
    expect(
      await web.page
        .locator(".queue-item")
        .evaluateAll((items) => items.map((item) => Number(item.getAttribute("data-relation-id")))),
    ).toEqual(dismissed);

    const kyodo = peskovKyodo.sides.map((side) => side.chain).join(" → ");
    const sources = (await web.api<{ data: { slug: string; name: string }[] }>("/api/sources?limit=500")).data;
    const kyodoSource = sources.find((source) => /^Kyodo/.test(source.name) && kyodo.includes(source.name))!;
    const topic = "ukraine-war";
    const filtered = (
      await web.api<{ data: ContradictionRow[] }>(
        `/api/contradictions?type=any&source=${kyodoSource.slug}&topic=${topic}&limit=500`,
      )
    ).data.map((row) => row.id);
    expect(filtered).toContain(peskovKyodo.id);
    await web.page.getByLabel("Status").selectOption("");
    await web.page.getByLabel("Source").selectOption(kyodoSource.slug);
    await web.page.getByLabel("Topic").selectOption(topic);
    await web.page.getByRole("button", { name: "Apply filters" }).click();
    await web.page.waitForURL(new RegExp(`#/contradictions\\?source=${kyodoSource.slug}&topic=${topic}$`));
    await web.page.waitForFunction(
      (ids) =>
        [...document.querySelectorAll(".queue-item")]
          .map((item) => Number(item.getAttribute("data-relation-id")))
          .sort()
          .join() === ids,
      [...filtered].sort().join(),
    );
    expect(await web.page.getByRole("link", { name: "CSV (claims matching these filters)" }).getAttribute("href")).toBe(
      `/api/export/claims.csv?source=${kyodoSource.slug}&topic=${topic}&download=1`,
    );
    expect(
      await web.page.getByRole("link", { name: "XLSX (claims matching these filters)" }).getAttribute("href"),
    ).toBe(`/api/export/claims.xlsx?source=${kyodoSource.slug}&topic=${topic}&download=1`);

    // The links download the claims on screen from the export API.
    const csv = await fetch(`${web.base}/api/export/claims.csv?source=${kyodoSource.slug}&topic=${topic}&download=1`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.csv"$/);
    const kyodoClaim = peskovKyodo.sides.find((side) => side.chain.includes(kyodoSource.name))!;
    expect(await csv.text()).toContain(kyodoClaim.quote);
    const xlsx = await fetch(`${web.base}/api/export/claims.xlsx?source=${kyodoSource.slug}&topic=${topic}&download=1`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.xlsx"$/);
  });
});

/** For each side, whether its quote's first line shows inside the article text's scroll box. */
async function quotesScrolledIntoView(): Promise<boolean[]> {
  return web.page.locator(".side .article-scroll").evaluateAll((boxes) =>
    boxes.map((box) => {
      const mark = box.querySelector("mark.mark-self");
      if (!mark) return false;
      const outer = box.getBoundingClientRect();
      const first = mark.getClientRects()[0];
      return first !== undefined && first.top >= outer.top && first.bottom <= outer.bottom;
    }),
  );
}

describe("comparison view", () => {
  it("is reached from the queue with the keyboard and highlights both quotes inside their article text", async () => {
    await web.freshPage();
    await web.open("/contradictions");
    const target = `#/contradictions/${peskovKyodo.id}`;
    for (let i = 0; i < 40; i++) {
      await web.page.keyboard.press("Tab");
      if ((await web.page.evaluate(() => document.activeElement?.getAttribute("href"))) === target) break;
    }
    expect(await web.page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(target);
    await web.page.keyboard.press("Enter");
    await web.page.waitForURL(new RegExp(`${target}$`));
    await web.settled();

    const detail = (
      await web.api<{ data: { comparison: Record<"a" | "b", { claim: { id: number; quote: string } }> } }>(
        `/api/contradictions/${peskovKyodo.id}`,
      )
    ).data;
    for (const key of ["a", "b"] as const) {
      const side = web.page.locator(`[data-side="${key}"]`);
      expect(await side.getAttribute("data-claim-id")).toBe(String(detail.comparison[key].claim.id));
      const marked = await side.locator(".article-text mark.mark-self").allTextContents();
      expect(marked.join("")).toBe(detail.comparison[key].claim.quote);
      expect(await side.locator(".article-text mark.mark-self").first().isVisible()).toBe(true);
    }
    expect(await quotesScrolledIntoView()).toEqual([true, true]);
    // The Thai font stack is what the text asks for; the screenshot shows what it got.
    const fontFamily = await web.page
      .locator(".article-text")
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(fontFamily.startsWith('"Noto Sans Thai", Sarabun, "Leelawadee UI"')).toBe(true);
    expect(await web.page.locator(".article-text").first().getAttribute("lang")).toBe("th");
    await web.screenshot("compare");

    // A phone opens the view at its own width (the quotes are scrolled into view at load).
    await web.freshPage(PHONE);
    await web.open(`/contradictions/${peskovKyodo.id}`);
    expect(await web.horizontalOverflow()).toBe(0);
    expect(await quotesScrolledIntoView()).toEqual([true, true]);
    await web.screenshot("compare-phone");
    await web.screenshot("compare-phone-top", false);
  });

  it("draws each chain link by link with badges for anonymous sources and hop distance", async () => {
    await web.freshPage();
    await web.open(`/contradictions/${peskovKyodo.id}`);
    const kyodoSide = web.page.locator(".side", { hasText: "Kyodo" });
    const links = await kyodoSide
      .locator(".chain")
      .first()
      .locator(".chain-link")
      .evaluateAll((items) =>
        items.map((item) => [item.querySelector(".role")?.textContent, item.querySelector(".source a")?.textContent]),
      );
    expect(links.map(([role]) => role)).toEqual(["speaker", "reporter", "publisher"]);
    expect(links[1]![1]).toMatch(/Kyodo/);
    expect(await kyodoSide.locator(".chain .badge", { hasText: "anonymous" }).count()).toBeGreaterThan(0);
    expect(await kyodoSide.locator(".hop-summary").textContent()).toMatch(/^Hop distance 2 /);
    const peskovSide = web.page.locator(".side", { hasText: "Peskov" }).first();
    expect(await peskovSide.locator(".chain-link .role").first().textContent()).toBe("speaker");
    expect(await web.page.locator(".rationale-box").textContent()).toContain("Peskov");
  });
});

describe("sources directory", () => {
  it("lists every source with kind, country, affiliation, names and badges, and opens its claims by role", async () => {
    await web.freshPage();
    await web.open("/sources");
    const sources = (
      await web.api<{ data: { slug: string; name: string; stateControlled: boolean; kind: string }[] }>(
        "/api/sources?limit=500",
      )
    ).data;
    expect(await web.page.locator("tbody tr").count()).toBe(sources.length);
    const stateMedia = sources.find((source) => source.stateControlled)!;
    expect(await web.page.locator(`tr[data-source="${stateMedia.slug}"] .badge`).allTextContents()).toContain(
      "state-controlled",
    );
    const anonymous = sources.find((source) => source.kind === "anonymous")!;
    expect(await web.page.locator(`tr[data-source="${anonymous.slug}"] .badge`).allTextContents()).toContain(
      "anonymous",
    );
    expect(
      await web.page.locator('tr[data-source="dmitry-peskov"] td[data-label="Names in the text"]').textContent(),
    ).toContain("เพสคอฟ");
    expect(
      await web.page.locator('tr[data-source="dmitry-peskov"] td[data-label="Affiliation"]').textContent(),
    ).toContain("Kremlin");
    await web.screenshot("sources");

    await web.page.setViewportSize(PHONE);
    expect(await web.horizontalOverflow()).toBe(0);
    await web.screenshot("sources-phone");
    await web.page.setViewportSize(DESKTOP);

    await web.page.getByRole("link", { name: "Kyodo News", exact: true }).click();
    await web.page.waitForURL(/#\/sources\/kyodo$/);
    await web.settled();
    const reported = (await web.api<{ data: { quote: string }[] }>("/api/sources/kyodo/claims?role=reporter&limit=500"))
      .data;
    expect(reported.length).toBeGreaterThan(0);
    expect(await web.page.locator('[data-role="reporter"] h2').textContent()).toBe(
      `Claims as first reporter (${reported.length})`,
    );
    expect(await web.page.locator('[data-role="speaker"] h2').textContent()).toBe("Claims as speaker (0)");
    expect(await web.page.locator('[data-role="reporter"] .quote').allTextContents()).toEqual(
      reported.map((claim) => claim.quote),
    );
    await web.screenshot("source");
  });
});

describe("article view", () => {
  it("highlights every claim's span, the headline's in the title, and links it to the claim", async () => {
    await web.freshPage();
    const article = (
      await web.api<{ data: { slug: string; claims: { id: number; quote: string; span: { in: string } }[] } }>(
        "/api/articles/infoquest-kim-putin-2023-09-20",
      )
    ).data;
    await web.open(`/articles/${article.slug}`);
    for (const claim of article.claims) {
      const text = claim.span.in === "title" ? "h1.article-headline" : ".article-text";
      const marks = web.page.locator(`${text} mark[data-claim-ids~="${claim.id}"]`);
      expect((await marks.allTextContents()).join("")).toBe(claim.quote);
    }
    await web.screenshot("article");

    const first = article.claims.find((claim) => claim.span.in === "body")!;
    await web.page.locator(`.article-text mark[data-claim-ids~="${first.id}"] a`).first().click();
    await web.page.waitForURL(new RegExp(`#/claims/${first.id}$`));
    await web.settled();
    expect(await web.page.locator("blockquote.quote").textContent()).toBe(first.quote);
    await web.screenshot("claim");
  });

  it("cuts code-point spans correctly after emoji and flags (UTF-16 surrogate pairs)", async () => {
    await web.freshPage();
    await web.open("/articles/test-wire-rice-prices");
    const claims = (
      await web.api<{ data: { claims: { id: number; quote: string }[] } }>("/api/articles/test-wire-rice-prices")
    ).data.claims;
    expect(claims.map((claim) => claim.quote)).toContain(ASTRAL_QUOTE);
    for (const claim of claims) {
      expect(await web.page.locator(`.article-text mark[data-claim-ids="${claim.id}"]`).allTextContents()).toEqual([
        claim.quote,
      ]);
    }
  });
});
