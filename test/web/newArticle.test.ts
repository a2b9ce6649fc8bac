import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/domain/access/tokenService.js";
import { PHONE, useWebHarness } from "./browserHarness.js";

const web = useWebHarness();
let token: string;

/** Written for these tests: a Thai report that sets a (misspelt) Peskov against Yonhap, and relays Kyodo. */
const THAI_TEXT = `รัสเซียปัดส่งเครื่องบินรบให้เกาหลีเหนือ

นายดมิตรี เปสคอฟ โฆษกทำเนียบเครมลิน ปฏิเสธว่า รัสเซียไม่ได้ส่งมอบเครื่องบินรบให้กับเกาหลีเหนือในเดือนนี้ ซึ่งสวนทางกับรายงานของสำนักข่าวยอนฮัปที่ระบุว่า รัสเซียได้ส่งมอบเครื่องบินรบให้กับเกาหลีเหนือในเดือนนี้แล้ว

ทั้งนี้ สำนักข่าวเกียวโดรายงานว่า รัสเซียได้ลงนามในข้อตกลงทางทหารกับเกาหลีเหนือระหว่างที่นายคิมเดินทางเยือนรัสเซีย
`;

/** Written for these tests: an English report of the same denial, and an analyst. */
const ENGLISH_TEXT = `Moscow rejects reports of fighter jet transfer

Kremlin spokesman Dmitri Peskov denied that Russia had handed fighter jets to North Korea this month. Yonhap News Agency reported that Russia had handed fighter jets to North Korea this month, citing a government official in Seoul.

Analyst Jane Moore said the talks would continue next year.
`;

interface ArticleDetail {
  slug: string;
  title: string;
  publisher: { slug: string };
  publishedAt: string;
  claims: { id: number; key: string; quote: string; chains: { links: { source: { slug: string } }[] }[] }[];
}
interface Row {
  id: number;
  type: string;
  status: string;
  origin: string;
  rationale: string;
  sides: { id: number; quote: string; article: string }[];
}

beforeAll(async () => {
  ({ token } = await createApiToken(web.testDb.db, { name: "Nok Reviewer", role: "reviewer" }));
});

async function propose(page: Page, text: string): Promise<void> {
  await page.getByLabel("Article text").fill(text);
  await page.getByRole("button", { name: "Propose claims" }).click();
  await page.locator(".review-step").waitFor();
}

/** The proposal card (claim or relation) holding `text`. */
function card(page: Page, text: string) {
  return page.locator(".proposal").filter({ hasText: text });
}

async function answerToken(page: Page, value: string): Promise<void> {
  const dialog = page.getByRole("dialog", { name: "Reviewer token" });
  await dialog.waitFor();
  await dialog.getByLabel("Token", { exact: true }).fill(value);
  await dialog.getByRole("button", { name: "Use this token" }).click();
}

describe("a new Thai article, from pasted text to a confirmed contradiction", () => {
  it("sets the publisher, maps a source, accepts claims and relations, imports, and reviews in the queue", async () => {
    const page = await web.freshPage();
    await web.open("/new");
    await propose(page, THAI_TEXT);
    await web.screenshot("new-article-review");
    const fields = page.locator(".article-fields");
    await fields.getByLabel("Publisher", { exact: true }).fill("สำนักข่าวอินโฟเควสท์");
    expect(await fields.textContent()).toContain("Stored source: InfoQuest (infoquest).");
    await fields.getByLabel("Section").fill("World");
    await fields.getByLabel("URL").fill("https://news.example/th/jets");
    await fields.getByLabel("Published (local time)").fill("2026-11-30T09:30");
    await fields.getByLabel("UTC offset").selectOption("+07:00");

    const peskov = page.locator(".source-proposal").filter({ hasText: "นายดมิตรี เปสคอฟ" });
    expect(await peskov.locator(".meta").textContent()).toMatch(/^Best stored matches: Dmitry Peskov /);
    await peskov.getByLabel("What นายดมิตรี เปสคอฟ is").selectOption("map:dmitry-peskov");

    for (const key of ["c1", "c2", "c3"]) await page.getByRole("button", { name: `Accept claim ${key}` }).click();
    await card(page, "สวนทางกับ")
      .getByRole("button", { name: /^Accept/ })
      .click();
    await card(page, "peskov-denial-military-agreement")
      .getByRole("button", { name: /^Accept/ })
      .click();
    expect(await page.locator(".counts").textContent()).toBe("3 of 3 claims and 2 of 3 relations accepted");

    // Cancelling the token prompt loses nothing.
    await page.getByRole("button", { name: "Import accepted" }).click();
    const dialog = page.getByRole("dialog", { name: "Reviewer token" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Not imported: a reviewer token is needed.").waitFor();
    expect(await page.locator(".counts").textContent()).toBe("3 of 3 claims and 2 of 3 relations accepted");

    await page.getByRole("button", { name: "Import accepted" }).click();
    await answerToken(page, token);
    await page.getByText(/^Imported: 3 claims, 0 new sources, 2 relations/).waitFor();

    const articles = (await web.api<{ data: { slug: string; title: string }[] }>("/api/articles")).data;
    const mine = articles.find((a) => a.title === "รัสเซียปัดส่งเครื่องบินรบให้เกาหลีเหนือ")!;
    const article = (await web.api<{ data: ArticleDetail }>(`/api/articles/${mine.slug}`)).data;
    expect(article.publisher.slug).toBe("infoquest");
    expect(article.publishedAt).toBe("2026-11-30T09:30:00+07:00");
    expect(article.claims.map((c) => c.chains[0]!.links.map((l) => l.source.slug).join(">"))).toEqual([
      "dmitry-peskov>infoquest",
      "yonhap>infoquest",
      "kyodo>infoquest",
    ]);
    const sources = (await web.api<{ data: { slug: string }[] }>("/api/sources?limit=500")).data.map((s) => s.slug);
    expect(sources.filter((slug) => /unknown-publisher|peskhof/.test(slug))).toEqual([]);

    const mineIds = new Set(article.claims.map((c) => c.id));
    const rows = (await web.api<{ data: Row[] }>(`/api/contradictions?article=${mine.slug}&limit=500`)).data;
    expect(rows.map((r) => [r.status, r.origin, r.sides.filter((side) => mineIds.has(side.id)).length])).toEqual([
      ["proposed", "curated", 2],
      ["proposed", "curated", 1],
    ]);
    const acrossArticles = rows[1]!;
    expect(acrossArticles.rationale).toMatch(
      /^asserts what stored claim \d+ \(dmitry-peskov, .*\(c3 against infoquest-kim-putin-2023-09-20\/peskov-denial-military-agreement\)/,
    );

    await page.getByRole("link", { name: "Go to the queue" }).click();
    await web.settled();
    const item = page.locator(`.queue-item[data-relation-id="${acrossArticles.id}"]`);
    await item.getByRole("link").first().click();
    await web.settled();
    await page.getByLabel("Note (optional)").fill("Kyodo's report of a signed deal meets Peskov's denial head on.");
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await page.getByText(/^Saved: Confirmed/).waitFor();
    await page.reload();
    await web.settled();
    expect(await page.locator(".compare .status-slot .badge").getAttribute("data-status")).toBe("confirmed");
    expect(await page.locator(".history-list li").last().textContent()).toContain("Kyodo's report of a signed deal");
  }, 60_000);
});

describe("a new English article", () => {
  it("is refused while the publisher is a placeholder, then imported; relations accepted later are added to it", async () => {
    const page = await web.freshPage();
    await web.open("/new");
    await propose(page, ENGLISH_TEXT);
    await page.getByRole("button", { name: "Accept all undecided" }).click();
    const inText = card(page, "c2 denies what c3 asserts");
    await inText.getByRole("button", { name: /^Reject/ }).click();
    await page.getByRole("button", { name: "Import accepted" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "Not imported: Set the publisher first" });
    await refusal.waitFor();

    const fields = page.locator(".article-fields");
    await fields.getByLabel("Publisher", { exact: true }).fill("Bangkok Desk Wire");
    expect(await fields.textContent()).toContain(
      "New source “Bangkok Desk Wire” (bangkok-desk-wire) will be created as a publisher.",
    );
    await page.getByRole("button", { name: "Import accepted" }).click();
    await answerToken(page, token);
    await page.getByText(/^Imported: 4 claims/).waitFor();
    const publisher = (await web.api<{ data: { slug: string; kind: string } }>("/api/sources/bangkok-desk-wire")).data;
    expect(publisher.kind).toBe("publisher");

    // The same text proposed again keeps every decision; accepting the relation now adds it.
    await page.getByRole("button", { name: "Propose claims" }).click();
    await page.getByText(/Your earlier decisions are kept\.$/).waitFor();
    expect(await card(page, "c2 denies what c3 asserts").getAttribute("data-status")).toBe("rejected");
    await card(page, "c2 denies what c3 asserts")
      .getByRole("button", { name: /^Accept/ })
      .click();
    await page.getByRole("button", { name: "Import accepted" }).click();
    const added = page.locator(".import-result .ok");
    await added.filter({ hasText: "This article is stored already: 1 relation added to it" }).waitFor();
    expect(await page.locator(".import-result .error").count()).toBe(0);

    const slug = (await web.api<{ data: { slug: string; title: string }[] }>("/api/articles")).data.find(
      (a) => a.title === "Moscow rejects reports of fighter jet transfer",
    )!.slug;
    const rows = (await web.api<{ data: Row[] }>(`/api/contradictions?article=${slug}&limit=500`)).data;
    expect(rows.filter((r) => r.rationale.startsWith("c2 denies what c3 asserts")).map((r) => r.status)).toEqual([
      "proposed",
    ]);

    // Once more: nothing new, said plainly, not as an error.
    await page.getByRole("button", { name: "Import accepted" }).click();
    await added.filter({ hasText: /0 relations added to it, \d+ stored already/ }).waitFor();
  }, 60_000);
});

describe("the review step by keyboard alone", () => {
  /** Written for this test. */
  const TEXT = "นางสาวมาลี ใจดี นักวิเคราะห์อิสระ กล่าวว่า ราคาข้าวจะสูงขึ้นในปีหน้า\n";

  /** Presses Tab until the focused element is the one `name` names; fails if it never is. */
  async function tabTo(page: Page, name: string | RegExp): Promise<void> {
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return "";
        const label = "labels" in el && (el as HTMLInputElement).labels?.[0]?.textContent;
        return (label || el.getAttribute("aria-label") || el.textContent || "").trim();
      });
      if (typeof name === "string" ? focused === name : name.test(focused)) return;
    }
    throw new Error(`never reached ${name} with Tab`);
  }

  it("pastes, proposes, sets the publisher, accepts and imports with the token prompt, never touching the mouse", async () => {
    const page = await web.freshPage(PHONE);
    await web.open("/new");
    await tabTo(page, "Article text");
    await page.keyboard.insertText(TEXT);
    await tabTo(page, "Propose claims");
    await page.keyboard.press("Enter");
    await page.locator(".review-step").waitFor();
    await tabTo(page, "Publisher");
    await page.keyboard.insertText("InfoQuest");
    await tabTo(page, "Accept claim c1");
    await page.keyboard.press("Space");
    await tabTo(page, "Import accepted");
    await web.screenshot("new-article-phone");
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name: "Reviewer token" }).waitFor();
    await page.keyboard.insertText(token);
    await page.keyboard.press("Enter");
    await page.getByText(/^Imported: 1 claims/).waitFor();
    expect(await web.horizontalOverflow()).toBe(0);
  }, 60_000);
});
