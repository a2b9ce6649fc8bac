import { describe, expect, it } from "vitest";
import { createApiToken } from "../../src/domain/access/tokenService.js";
import { useWebHarness } from "./browserHarness.js";

// A server configured with READS_REQUIRE_TOKEN: the page must ask once, even though a view
// sends several requests at a time, and then show the data.
const web = useWebHarness({ readsRequireToken: true });

describe("a server whose reads need a token", () => {
  it("asks for a token once, then shows the queue", async () => {
    const { token } = await createApiToken(web.testDb.db, { name: "Di Reader", role: "reader" });
    await web.freshPage();
    await web.page.goto(`${web.base}/#/contradictions`);
    const dialog = web.page.getByRole("dialog", { name: "Reviewer token" });
    await dialog.waitFor();
    expect(await dialog.locator("#token-dialog-reason").textContent()).toBe(
      "This server needs a token for this. It is kept for this browser tab only.",
    );
    await dialog.getByLabel("Token", { exact: true }).fill(token);
    await dialog.getByRole("button", { name: "Use this token" }).click();
    await web.settled();
    expect(await web.page.locator("h1").textContent()).toBe("Contradictions");
    // The queue lists every relation type, contradictions first.
    const listed = await web.testDb.db.relation.count();
    expect(await web.page.locator(".queue-item").count()).toBe(listed);
    expect(await dialog.isVisible()).toBe(false);
  });
});
