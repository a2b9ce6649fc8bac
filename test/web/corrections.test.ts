import { beforeAll, describe, expect, it } from "vitest";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { SMALL_BODY, smallSheet, spanOf } from "../support/sheets.js";
import { useWebHarness } from "./browserHarness.js";

// A corrected article in the page: its earlier text with what changed, the claim the
// correction orphaned, and the relation on it flagged in the queue.

const web = useWebHarness();
const CORRECTED = `แก้ไข: ${SMALL_BODY.replace("การพบกันครั้งนี้อาจเปลี่ยนดุลอำนาจ", "การพบกันครั้งนี้สำคัญ")}`;
let orphanedId: number;

beforeAll(async () => {
  const db = web.testDb.db;
  await importClaimSheet(db, smallSheet());
  const sheet = smallSheet();
  sheet.article.body = CORRECTED;
  sheet.claims = [{ ...sheet.claims[0]!, ...spanOf(CORRECTED, "ไม่มีการลงนามข้อตกลงทางทหาร") }];
  sheet.relations = [];
  await importClaimSheet(db, sheet, { update: true });
  orphanedId = (await db.claim.findFirstOrThrow({ where: { key: "publisher-framing" } })).id;
});

describe("a corrected article", () => {
  it("links its earlier text, lists the orphaned claim without drawing it, and shows what changed", async () => {
    const page = await web.freshPage();
    await web.open("/articles/small-article");
    expect(await page.locator(".corrections").textContent()).toBe(
      "Corrected 1 time: what revision 1 became. 1 claim is not in the corrected text.",
    );
    const orphanedCard = page.locator(".claim-card", { has: page.locator(`a[href="#/claims/${orphanedId}"]`) });
    expect(await orphanedCard.locator(".badge.warn").textContent()).toBe("not in the corrected text");
    expect(await page.locator(`.article-body [data-claim-ids~="${orphanedId}"]`).count()).toBe(0);

    await page.getByRole("link", { name: "what revision 1 became" }).click();
    await page.waitForURL(/#\/articles\/small-article\/revisions\/1$/);
    await web.settled();
    expect(await page.locator("h1").textContent()).toBe("Revision 1 of 1, and what changed in the current text");
    expect(await page.locator(".revision-diff del").allTextContents()).toEqual(["อาจเปลี่ยนดุลอำนาจ"]);
    expect(await page.locator(".revision-diff ins").allTextContents()).toEqual(["แก้ไข: ", "สำคัญ"]);
    expect(await page.locator(".revision-diff").evaluate((el) => el.getAttribute("lang"))).toBe("th");
    await web.screenshot("revision-1280");
  });

  it("puts the relation on the orphaned claim first in the queue, flagged, and filters by it", async () => {
    const page = await web.freshPage();
    await web.open("/contradictions?needsAttention=true");
    expect(await page.locator("#filter-attention").inputValue()).toBe("true");
    const items = page.locator(".queue-item");
    expect(await items.count()).toBe(1);
    expect(await items.first().locator(".badge.attention").textContent()).toBe(
      "needs attention: quote lost in a correction",
    );
    expect(await page.locator(".lede").textContent()).toMatch(/; 1 needs attention after a correction\.$/);

    await items.first().locator("h2 a").click();
    await web.settled();
    expect(await page.locator(".side .notice.attention").textContent()).toContain(
      "A correction of the article removed this quote",
    );
  });
});
