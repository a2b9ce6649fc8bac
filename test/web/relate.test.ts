import { describe, expect, it } from "vitest";
import { createApiToken } from "../../src/domain/access/tokenService.js";
import { DESKTOP, PHONE, useWebHarness } from "./browserHarness.js";

const web = useWebHarness();
const SEED = "infoquest-kim-putin-2023-09-20";

async function claimId(key: string): Promise<number> {
  const article = (await web.api<{ data: { claims: { id: number; key: string }[] } }>(`/api/articles/${SEED}`)).data;
  return article.claims.find((c) => c.key === key)!.id;
}

/** Form controls (but hidden inputs and buttons) with no tied <label>, described for the failure message. */
async function unlabelled(): Promise<string[]> {
  return web.page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
        "input, select, textarea",
      ),
    ]
      .filter((control) => control.type !== "hidden")
      .filter((control) => !control.labels || control.labels.length === 0 || !control.labels[0]!.textContent?.trim())
      .map((control) => `${control.tagName.toLowerCase()}#${control.id}[name=${control.getAttribute("name")}]`),
  );
}

describe("relating two stored claims from the claim view", () => {
  it("finds a claim by source, compares them side by side, proposes a supports relation that the queue lists", async () => {
    const { token } = await createApiToken(web.testDb.db, { name: "Somchai Reviewer", role: "reviewer" });
    const from = await claimId("cha-countering-us-japan-korea-ties");
    const to = await claimId("cha-kp-food-energy-shortage");
    const page = await web.freshPage();
    await web.open(`/claims/${from}`);
    const gloss = (await web.api<{ data: { gloss: string } }>(`/api/claims/${from}`)).data.gloss;
    expect(await page.locator("h1").textContent()).toBe(gloss);

    await page.getByLabel("Source", { exact: true }).selectOption("victor-cha");
    await page.getByRole("button", { name: "Find claims" }).click();
    const result = page.locator(`.compare-results [data-claim-id="${to}"]`);
    await result.waitFor();
    expect(await page.locator(`.compare-results [data-claim-id="${from}"]`).count()).toBe(0);

    await result.getByRole("link", { name: /^Compare side by side/ }).click();
    await web.settled();
    expect(page.url()).toContain(`#/compare?a=${from}&b=${to}`);
    expect(await page.locator(".side").count()).toBe(2);
    await page.goBack();
    await web.settled();

    await page.getByLabel("Source", { exact: true }).selectOption("victor-cha");
    await page.getByRole("button", { name: "Find claims" }).click();
    await result.waitFor();
    await result.getByRole("button", { name: /^Propose relation/ }).click();
    await page.getByLabel("Relation type").selectOption("supports");
    await page
      .getByLabel("Rationale")
      .fill("Cha reads both the counterweight and the shortage as reasons for the same talks.");
    await page.getByRole("button", { name: "Propose relation", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Reviewer token" });
    await dialog.waitFor();
    await dialog.getByLabel("Token", { exact: true }).fill(token);
    await dialog.getByRole("button", { name: "Use this token" }).click();
    const proposed = page.getByText(/^Proposed: relation #(\d+), waiting for review\./);
    await proposed.waitFor();
    const id = Number(/#(\d+)/.exec((await proposed.textContent()) ?? "")![1]);
    const relation = (await web.api<{ data: Record<string, unknown> }>(`/api/relations/${id}`)).data;
    expect(relation).toMatchObject({ fromClaimId: from, toClaimId: to, type: "supports", status: "proposed" });

    await web.open("/contradictions?type=supports");
    const item = page.locator(`.queue-item[data-relation-id="${id}"]`);
    expect(await item.getAttribute("data-type")).toBe("supports");
    expect(
      await page.locator(".queue-item").evaluateAll((items) => items.map((i) => i.getAttribute("data-type"))),
    ).not.toContain("contradicts");
    expect(await item.locator(".side-article").first().textContent()).toContain("InfoQuest");
    await item.getByRole("link").first().click();
    await web.settled();
    expect(page.url()).toContain(`#/relations/${id}`);
    expect(await page.getByRole("button", { name: "Reopen as proposed" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await page.getByText(/^Saved: Confirmed/).waitFor();
    expect(await page.getByRole("button", { name: "Confirm", exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Reopen as proposed" }).isDisabled()).toBe(false);
    await web.screenshot("relation-supports");
  }, 60_000);
});

describe("the 404 view", () => {
  it("says not found for an unknown address and for a claim or relation the API does not have", async () => {
    await web.freshPage();
    for (const hash of ["/no/such/view", "/claims/999999", "/relations/999999", "/articles/no-such-article"]) {
      await web.open(hash);
      expect({ hash, h1: await web.page.locator("h1").textContent() }).toEqual({ hash, h1: "Not found" });
      expect(await web.page.title()).toBe("Not found · claimtrail");
    }
  });
});

describe("every form control has a tied label", () => {
  it("in every view, the review step and the token dialog, at 1280 and 390 px", async () => {
    const contradiction = await web.peskovKyodo();
    const claim = await claimId("peskov-denial-military-agreement");
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await web.freshPage(viewport);
      const suffix = viewport === DESKTOP ? "1280" : "390";
      for (const [hash, name] of [
        ["/contradictions", "queue"],
        [`/contradictions/${contradiction.id}`, "compare"],
        ["/sources", "sources"],
        ["/sources/dmitry-peskov", "source"],
        ["/articles", "articles"],
        [`/articles/${SEED}`, "article"],
        [`/claims/${claim}`, "claim"],
        ["/new", "new"],
        ["/no/such/view", "not-found"],
      ] as const) {
        await web.open(hash);
        expect({ hash, missing: await unlabelled() }).toEqual({ hash, missing: [] });
        await web.screenshot(`${name}-${suffix}`);
        expect({ hash, overflow: await web.horizontalOverflow() }).toEqual({ hash, overflow: 0 });
      }
      await web.open("/new");
      await page.getByLabel("Article text").fill("นายสมชาย ใจเย็น นักวิชาการ กล่าวว่า ฝนจะตกหนักในสัปดาห์หน้า\n");
      await page.getByRole("button", { name: "Propose claims" }).click();
      await page.locator(".review-step").waitFor();
      await page
        .locator("details")
        .first()
        .evaluate((details) => ((details as HTMLDetailsElement).open = true));
      expect(await unlabelled()).toEqual([]);
      await web.screenshot(`new-review-${suffix}`);
      expect(await web.horizontalOverflow()).toBe(0);
    }
  }, 120_000);
});
