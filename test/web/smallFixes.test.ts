import { describe, expect, it } from "vitest";
import { useWebHarness } from "./browserHarness.js";

const web = useWebHarness();
const SEED = "infoquest-kim-putin-2023-09-20";

const rowSlugs = () =>
  web.page.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-source")));

describe("the smaller fixes of the desk's loop", () => {
  it("lists sources sorted by name, and filters them by any name form, Thai or Latin", async () => {
    const page = await web.freshPage();
    await web.open("/sources");
    const sources = (await web.api<{ data: { slug: string; name: string }[] }>("/api/sources?limit=500")).data;
    const byName = [...sources].sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
    expect(await rowSlugs()).toEqual(byName.map((s) => s.slug));
    expect(byName[0]!.name < byName.at(-1)!.name).toBe(true);

    await page.getByLabel("Name").fill("เพสคอฟ");
    await page.getByRole("button", { name: "Apply filter" }).click();
    await page.waitForURL(/#\/sources\?name=/);
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1);
    expect(await rowSlugs()).toEqual(["dmitry-peskov"]);

    await web.open("/sources?name=kyodo");
    expect(await rowSlugs()).toEqual(["kyodo", "kyodo-sources-close-to-russian-officials"]);
  });

  it("offers the contradictions as CSV and XLSX beside the claims, with the queue's filters", async () => {
    const page = await web.freshPage();
    await web.open("/contradictions?status=proposed&topic=ukraine-war");
    const csv = page.getByRole("link", { name: "CSV (contradictions matching these filters)" });
    const xlsx = page.getByRole("link", { name: "XLSX (contradictions matching these filters)" });
    expect(await csv.getAttribute("href")).toBe(
      "/api/export/contradictions.csv?topic=ukraine-war&status=proposed&download=1",
    );
    expect(await xlsx.getAttribute("href")).toBe(
      "/api/export/contradictions.xlsx?topic=ukraine-war&status=proposed&download=1",
    );
    expect(await page.locator(".downloads-label").allTextContents()).toEqual([
      "Download claims:",
      "Download contradictions:",
    ]);
    const file = await fetch(`${web.base}${await csv.getAttribute("href")}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.csv"$/);
    const text = await file.text();
    const [header] = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toContain(",from_chain,");
    // Chains read speaker first, as the page draws them.
    expect(text).toContain("Dmitry Peskov → InfoQuest");
    expect(text).not.toContain(" <- ");
  });

  it("heads a claim page with its gloss, keeps the space after In Focus, says not found, and has a favicon", async () => {
    const page = await web.freshPage();
    const article = (
      await web.api<{ data: { title: string; claims: { id: number; gloss: string }[] } }>(`/api/articles/${SEED}`)
    ).data;
    expect(article.title.startsWith("In Focus โลก")).toBe(true);
    await web.open(`/claims/${article.claims[1]!.id}`);
    expect(await page.locator("h1").textContent()).toBe(article.claims[1]!.gloss);
    expect(await page.title()).toBe(`${article.claims[1]!.gloss} · claimtrail`);
    await web.open("/claims/999999");
    expect(await page.locator("h1").textContent()).toBe("Not found");
    expect(await page.locator(".not-found p").textContent()).toContain('claim "999999" was not found');
    const icon = await page.locator('link[rel="icon"]').getAttribute("href");
    const favicon = await fetch(`${web.base}${icon}`);
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
  });
});
