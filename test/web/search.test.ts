import { describe, expect, it } from "vitest";
import { useWebHarness } from "./browserHarness.js";

const web = useWebHarness();

interface Hit {
  id: number;
  quote: string;
  gloss: string;
  match: { field: string; start: number; end: number; name?: string };
}

describe("claim search page", () => {
  it("finds claims by a Thai phrase typed in the search box and marks the matched text", async () => {
    const phrase = "ทรงพลังมากที่สุดในโลก";
    const expected = (await web.api<{ data: Hit[] }>(`/api/claims?q=${encodeURIComponent(phrase)}`)).data;
    expect(expected.length).toBeGreaterThan(0);
    await web.freshPage();
    await web.open("/claims");
    await web.page.getByLabel("Search claims", { exact: true }).fill(phrase);
    await web.page.getByRole("button", { name: "Search" }).click();
    await web.page.waitForURL(/#\/claims\?q=/);
    await web.page.waitForSelector(".search-result");
    await web.settled();
    const shown = await web.page
      .locator(".search-result")
      .evaluateAll((cards) =>
        cards.map((card) => [
          Number(card.getAttribute("data-claim-id")),
          card.querySelector("mark.search-hit")?.textContent,
        ]),
      );
    expect(shown).toEqual(expected.map((hit) => [hit.id, phrase]));
  });

  it("marks the source name a Thai name search matched, and narrows by a kind chip", async () => {
    await web.freshPage();
    await web.open(`/claims?q=${encodeURIComponent("เพสคอฟ")}`);
    await web.page.waitForSelector(".search-result");
    expect(await web.page.locator(".matched-name mark.search-hit").allTextContents()).toEqual(["เพสคอฟ", "เพสคอฟ"]);
    const kindChips = await web.page.locator('[data-facet="kind"] .facet-chip').allTextContents();
    expect(kindChips).toEqual(["announcement (1)", "denial (1)"]);
    await web.page.locator('[data-facet="kind"] .facet-chip[data-value="denial"]').click();
    await web.page.waitForURL(/kind=denial/);
    await web.page.waitForFunction(() => document.querySelectorAll(".search-result").length === 1);
    expect(await web.page.locator('[data-facet="kind"] .facet-chip.active').allTextContents()).toEqual(["denial (1)"]);
    expect(await web.page.locator(".search-result .quote").count()).toBe(1);
  });

  it("says so when nothing matches", async () => {
    await web.freshPage();
    await web.open("/claims?q=zeppelin");
    expect(await web.page.locator(".empty").textContent()).toBe("No claim matches.");
  });
});
