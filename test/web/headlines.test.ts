import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/domain/access/tokenService.js";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { DESKTOP, PHONE, useWebHarness } from "./browserHarness.js";

const web = useWebHarness();
const SEED = "infoquest-kim-putin-2023-09-20";
let token: string;

interface Span {
  in: "body" | "title";
  start: number;
  end: number;
}
interface ArticleDetail {
  title: string;
  body: string;
  claims: { id: number; key: string; quote: string; span: Span; chains: { text: string }[] }[];
}

/** Written for these tests: an English wire report of Peskov's denial, carried before the seed. */
function relaySheet() {
  const body =
    "Kremlin spokesman Dmitry Peskov told reporters that Russia and North Korea signed no military agreement.";
  const quote = "Russia and North Korea signed no military agreement";
  const start = body.indexOf(quote);
  return {
    format: "claimtrail/claim-sheet@1",
    article: {
      slug: "harbour-wire-peskov-2023-09-14",
      title: "Kremlin: no military pact with Pyongyang",
      publisher: "harbour-wire",
      language: "en",
      publishedAt: "2023-09-14T08:00:00+00:00",
      body,
    },
    sources: [{ slug: "harbour-wire", name: "Harbour Wire", kind: "news_agency", country: "GB" }],
    claims: [
      {
        key: "peskov-no-pact",
        quote,
        start,
        end: start + quote.length,
        gloss: "Peskov: no military agreement was signed",
        kind: "denial",
        chains: [
          [
            { source: "dmitry-peskov", role: "speaker" },
            { source: "tass", role: "reporter" },
            { source: "harbour-wire", role: "publisher" },
          ],
        ],
      },
    ],
    relations: [
      {
        from: "peskov-no-pact",
        to: `${SEED}/peskov-denial-military-agreement`,
        type: "supports",
        rationale: "same statement relayed: Peskov's denial, carried by TASS then Harbour Wire",
      },
    ],
  };
}

beforeAll(async () => {
  ({ token } = await createApiToken(web.testDb.db, { name: "Dao Reviewer", role: "reviewer" }));
  await importClaimSheet(web.testDb.db, relaySheet());
});

const article = async () => (await web.api<{ data: ArticleDetail }>(`/api/articles/${SEED}`)).data;

/** Selects the first occurrence of `text` inside the element `selector` matches, as a mouse would. */
async function selectText(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ([selector, text]) => {
      const root = document.querySelector(selector!)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const whole = nodes.map((n) => n.data).join("");
      const from = whole.indexOf(text!);
      if (from === -1) throw new Error(`"${text}" is not in ${selector}`);
      const at = (index: number): [Text, number] => {
        let passed = 0;
        for (const node of nodes) {
          if (index <= passed + node.data.length) return [node, index - passed];
          passed += node.data.length;
        }
        throw new Error("past the end");
      };
      const range = document.createRange();
      range.setStart(...at(from));
      range.setEnd(...at(from + text!.length));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [selector, text],
  );
}

/** Ids of the claims marked inside `selector`, each once. */
async function markedClaims(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (selector) => [
      ...new Set(
        [...document.querySelectorAll(`${selector} mark`)].flatMap((m) =>
          (m.getAttribute("data-claim-ids") ?? "").split(" "),
        ),
      ),
    ],
    selector,
  );
}

async function answerToken(page: Page): Promise<void> {
  const dialog = page.getByRole("dialog", { name: "Reviewer token" });
  await dialog.waitFor();
  await dialog.getByLabel("Token", { exact: true }).fill(token);
  await dialog.getByRole("button", { name: "Use this token" }).click();
}

describe("headline claims", () => {
  it("are highlighted in the article's title, linked to their claim, whose page shows the title marked", async () => {
    const page = await web.freshPage();
    await web.open(`/articles/${SEED}`);
    const headline = (await article()).claims.find((c) => c.span.in === "title")!;
    const h1 = page.locator("h1.article-headline");
    // The column's name keeps its space before the headline.
    expect(await h1.textContent()).toMatch(/^In Focus โลกหวั่นทริป/);
    expect(
      await h1
        .locator("mark")
        .evaluateAll((marks) => marks.map((m) => [m.textContent, m.getAttribute("data-claim-ids")])),
    ).toEqual([[headline.quote, String(headline.id)]]);
    expect(await markedClaims(page, ".article-page .article-text")).toHaveLength(33);
    expect(await page.locator(".article-page > .meta").textContent()).toContain(
      "34 claims highlighted (1 in the headline)",
    );
    await web.screenshot("article-headline");

    await h1.locator("mark a").click();
    await web.settled();
    expect(page.url()).toContain(`#/claims/${headline.id}`);
    expect(await page.locator(".claim-page .meta .badge").textContent()).toBe("headline claim");
    expect(await page.locator(".article-scroll .article-title mark.mark-self").textContent()).toBe(headline.quote);
    expect(await page.locator(".article-scroll .article-text mark").count()).toBe(0);
  });
});

describe("chains, in one direction everywhere", () => {
  it("are written speaker → outlets → publisher by the API, the CSV and the page alike", async () => {
    const page = await web.freshPage();
    const claim = (await article()).claims.find((c) => c.key === "shoigu-praise-kp-army")!;
    expect(claim.chains[0]!.text).toBe(
      "Sergei Shoigu → Korean Central Broadcasting Station → Yonhap News Agency → InfoQuest",
    );
    const csv = await (await fetch(`${web.base}/api/export/claims.csv?article=${SEED}`)).text();
    expect(csv).toContain(
      ",Sergei Shoigu → Korean Central Broadcasting Station → Yonhap News Agency → InfoQuest,sergei-shoigu>kcbs>yonhap>infoquest,speaker>reporter>relay>publisher,",
    );
    expect(csv).not.toContain(" <- ");
    await web.open(`/claims?q=${encodeURIComponent(claim.quote.slice(0, 12))}`);
    const shown = await page.locator(`.chain-text`).allTextContents();
    expect(shown).toContain(claim.chains[0]!.text);
    await web.open(`/claims/${claim.id}`);
    expect(await page.locator(".chain-links .link-box a").allTextContents()).toEqual(
      claim.chains[0]!.text.split(" → "),
    );
  });
});

describe("a statement relayed by several outlets", () => {
  it("shows on the claim page every outlet that carried it, in publication order, and who was first", async () => {
    const page = await web.freshPage();
    const denial = (await article()).claims.find((c) => c.key === "peskov-denial-military-agreement")!;
    await web.open(`/claims/${denial.id}`);
    const carriers = page.locator(".carriers");
    expect(await carriers.locator(".carried-first").textContent()).toBe(
      "2 articles carried Dmitry Peskov's statement. First: TASS, 2023-09-14 08:00 (UTC).",
    );
    expect(
      await carriers
        .locator(".carrier-list li")
        .evaluateAll((items) => items.map((li) => li.getAttribute("data-article"))),
    ).toEqual(["harbour-wire-peskov-2023-09-14", SEED]);
    expect(await carriers.locator(".carrier-list li").first().textContent()).toContain("Harbour Wire via TASS first");
    expect(await carriers.locator(".carrier-list li").last().textContent()).toContain("InfoQuest this claim");
    await web.screenshot("claim-carriers");
    await carriers.getByRole("link", { name: "Kremlin: no military pact with Pyongyang" }).click();
    await web.settled();
    expect(await page.locator(".carriers .carrier-list li").count()).toBe(2);
  });
});

describe("adding a claim to a stored article from its page", () => {
  it("takes a passage of the text and of the headline, a speaker and a relay, and keeps every stored claim and relation", async () => {
    const before = await article();
    const relationsBefore = (
      await web.api<{ data: { id: number; version: number }[] }>("/api/contradictions?type=any&limit=500")
    ).data;
    const page = await web.freshPage();
    await web.open(`/articles/${SEED}`);
    const form = page.locator(".add-claim-form");

    // A body passage: Putin's words, reported by KCNA, as InfoQuest carries them.
    const bodyQuote = "ประธานาธิบดีวลาดิเมียร์ ปูติน";
    await selectText(page, ".article-page .article-text", bodyQuote);
    await form.getByRole("button", { name: "Use selection" }).click();
    const start = [...before.body].join("").indexOf(bodyQuote);
    const startCp = [...before.body.slice(0, start)].length;
    expect(await form.locator(".add-claim-span").getAttribute("data-span")).toBe(
      `body:${startCp}:${startCp + [...bodyQuote].length}`,
    );
    await form.getByLabel("Key").fill("kcna-putin-named");
    await form.getByLabel("Gloss (what it says, in English)").fill("KCNA names President Vladimir Putin");
    await form.getByLabel("Kind").selectOption("report");
    await form.getByLabel("Speaker").selectOption("kcna");
    expect(await form.locator("[data-chain-preview]").textContent()).toBe(
      "Chain: Korean Central News Agency → InfoQuest",
    );
    await form.getByLabel(/^Through/).fill("yonhap:relay");
    expect(await form.locator("[data-chain-preview]").textContent()).toBe(
      "Chain: Korean Central News Agency → Yonhap News Agency → InfoQuest",
    );
    await form.getByRole("button", { name: "Add claim" }).click();
    await answerToken(page);
    await page.waitForFunction(
      () =>
        document.querySelectorAll(".add-claim-form").length === 1 &&
        document.querySelector(".article-page > .meta")?.textContent?.includes("35 claims"),
    );

    // A headline passage, with the token kept for this tab.
    await selectText(page, "h1.article-headline", "In Focus");
    const again = page.locator(".add-claim-form");
    await again.getByRole("button", { name: "Use selection" }).click();
    expect(await again.locator(".add-claim-span").getAttribute("data-span")).toBe("title:0:8");
    await again.getByLabel("Key").fill("infoquest-column-name");
    await again
      .getByLabel("Gloss (what it says, in English)")
      .fill("InfoQuest files the story under its In Focus column");
    await again.getByLabel("Kind").selectOption("statement");
    await again.getByRole("button", { name: "Add claim" }).click();
    await page.locator("h1.article-headline mark").nth(1).waitFor();
    expect(await page.locator(".article-page > .meta").textContent()).toContain(
      "36 claims highlighted (2 in the headline)",
    );

    const after = await article();
    const added = after.claims.filter((c) => !before.claims.some((b) => b.id === c.id));
    expect(added.map((c) => [c.key, c.span, c.quote, c.chains[0]!.text])).toEqual([
      ["infoquest-column-name", { in: "title", start: 0, end: 8 }, "In Focus", "InfoQuest"],
      [
        "kcna-putin-named",
        { in: "body", start: startCp, end: startCp + [...bodyQuote].length },
        bodyQuote,
        "Korean Central News Agency → Yonhap News Agency → InfoQuest",
      ],
    ]);
    for (const claim of before.claims) expect(after.claims.find((c) => c.id === claim.id)).toEqual(claim);
    const relationsAfter = (
      await web.api<{ data: { id: number; version: number }[] }>("/api/contradictions?type=any&limit=500")
    ).data;
    expect(relationsAfter.map((r) => [r.id, r.version])).toEqual(relationsBefore.map((r) => [r.id, r.version]));
  });

  it("says what is wrong without a selection, and shows the API's problems", async () => {
    const page = await web.freshPage();
    await web.open(`/articles/${SEED}`);
    const form = page.locator(".add-claim-form");
    await form.getByLabel("Gloss (what it says, in English)").fill("Nothing selected");
    await form.getByRole("button", { name: "Add claim" }).click();
    await form.getByText("Not added: Select a passage of the headline or the text first").waitFor();

    await selectText(page, ".article-page .article-text", "ประธานาธิบดีวลาดิเมียร์ ปูติน");
    await form.getByRole("button", { name: "Use selection" }).click();
    await form.getByLabel("Key").fill("kcna-putin-named");
    await form.getByRole("button", { name: "Add claim" }).click();
    await answerToken(page);
    const alert = form.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain('claims[0].key: claim "kcna-putin-named" is already in the article');
  });

  it("every control of the form has a label, and the page reads at 390 px", async () => {
    const page = await web.freshPage(PHONE);
    await web.open(`/articles/${SEED}`);
    const unlabelled = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
          ".add-claim-form input, .add-claim-form select",
        ),
      ]
        .filter((c) => !c.labels || c.labels.length === 0 || !c.labels[0]!.textContent?.trim())
        .map((c) => c.id),
    );
    expect(unlabelled).toEqual([]);
    expect(await web.horizontalOverflow()).toBe(0);
    await web.screenshot("article-add-claim-phone");
    await web.freshPage(DESKTOP);
  });
});

describe("a headline claim in the review step of a new article", () => {
  /** Written for this test. */
  const TEXT = `Harbour council delays ferry fare rise

Council spokesman Tom Reed said the ferry fare rise would wait until spring.
`;
  const HEADLINE = "Harbour council delays ferry fare rise";

  it("is drawn in the headline, accepted and imported with its span in the title", async () => {
    const page = await web.freshPage();
    // The extractor proposes body claims only (its rules are another module's): the test adds the
    // headline claim an extractor would, to the real answer of POST /api/extract.
    await page.route("**/api/extract", async (route) => {
      const response = await route.fetch();
      const json = await response.json();
      const sheet = json.data.sheet;
      expect(sheet.article.title).toBe(HEADLINE);
      sheet.claims.push({
        key: "headline",
        in: "title",
        quote: HEADLINE,
        start: 0,
        end: [...HEADLINE].length,
        gloss: "The headline: the council delays the ferry fare rise",
        kind: "editorial",
        hedged: false,
        cue: null,
        statedOn: null,
        topics: [],
        chains: [[{ source: sheet.article.publisher, role: "speaker" }]],
        stances: [],
      });
      await route.fulfill({ response, json });
    });
    await web.open("/new");
    await page.getByLabel("Article text").fill(TEXT);
    await page.getByRole("button", { name: "Propose claims" }).click();
    await page.locator(".review-step").waitFor();
    expect(await page.locator(".review-title mark").textContent()).toBe(HEADLINE);
    const card = page.locator('.proposal[data-key="headline"]');
    expect(await card.getAttribute("data-signature")).toBe(`title:0:${HEADLINE.length}`);
    expect(await card.locator(".headline-badge").isVisible()).toBe(true);
    expect(await card.locator(".span-note").textContent()).toBe(` now title 0–${HEADLINE.length}`);

    // Moving its span by a selection in the headline keeps it there.
    await selectText(page, ".review-title", "delays ferry fare rise");
    await card.locator("summary").click();
    await card.getByRole("button", { name: "Use selection as the quote" }).click();
    expect(await card.locator(".span-note").textContent()).toBe(" now title 16–38");
    expect(await card.locator(".quote").textContent()).toBe("delays ferry fare rise");

    await page.getByRole("button", { name: "Accept all undecided" }).click();
    await page.locator(".article-fields").getByLabel("Publisher", { exact: true }).fill("InfoQuest");
    await page.getByRole("button", { name: "Import accepted" }).click();
    await answerToken(page);
    await page.getByText(/^Imported: /).waitFor();
    const slug = (await web.api<{ data: { slug: string; title: string }[] }>("/api/articles")).data.find(
      (a) => a.title === HEADLINE,
    )!.slug;
    const stored = (await web.api<{ data: ArticleDetail }>(`/api/articles/${slug}`)).data;
    expect(stored.claims[0]).toMatchObject({
      key: "headline",
      quote: "delays ferry fare rise",
      span: { in: "title", start: 16, end: 38 },
    });
    expect(stored.claims[0]!.chains[0]!.text).toBe("InfoQuest");
    await page.unrouteAll();
  });
});
