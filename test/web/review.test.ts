import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/domain/access/tokenService.js";
import { type ContradictionRow, useWebHarness } from "./browserHarness.js";

const web = useWebHarness();
let peskovKyodo: ContradictionRow;

interface Relation {
  id: number;
  status: string;
  version: number;
}
interface RelationEvent {
  actor: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  version: number;
}

beforeAll(async () => {
  peskovKyodo = await web.peskovKyodo();
});

async function relation(id: number): Promise<Relation> {
  return (await web.api<{ data: Relation }>(`/api/relations/${id}`)).data;
}

async function history(id: number): Promise<RelationEvent[]> {
  return (await web.api<{ data: RelationEvent[] }>(`/api/relations/${id}/history`)).data;
}

/** Clicks a decision; answers the token dialog when `token` is given. */
async function decide(decision: string, token?: string): Promise<void> {
  await web.page.getByRole("button", { name: decision, exact: true }).click();
  if (token !== undefined) {
    const dialog = web.page.getByRole("dialog", { name: "Reviewer token" });
    await dialog.waitFor();
    await dialog.getByLabel("Token", { exact: true }).fill(token);
    await dialog.getByRole("button", { name: "Use this token" }).click();
  }
}

async function shownStatus(): Promise<string | null> {
  return web.page.locator(".compare .status-slot .badge").getAttribute("data-status");
}

describe("reviewing a contradiction in the comparison view", () => {
  it("confirms with a reviewer token asked for once, and the status survives a reload", async () => {
    const { token } = await createApiToken(web.testDb.db, { name: "Ada Reviewer", role: "reviewer" });
    const before = await relation(peskovKyodo.id);
    expect(before.status).toBe("proposed");
    await web.freshPage();
    await web.open(`/contradictions/${peskovKyodo.id}`);
    expect(await shownStatus()).toBe("proposed");

    await web.page
      .getByLabel("Note (optional)")
      .fill("Kyodo's sources describe aims, Peskov denies a signature: a real clash.");
    await web.page.getByRole("button", { name: "Confirm", exact: true }).click();
    const dialog = web.page.getByRole("dialog", { name: "Reviewer token" });
    await dialog.waitFor();
    await web.screenshot("token-dialog", false);
    await dialog.getByLabel("Token", { exact: true }).fill(token);
    await dialog.getByRole("button", { name: "Use this token" }).click();
    await web.page.waitForSelector('.compare .status-slot .badge[data-status="confirmed"]');
    expect(await web.page.locator(".review-message").textContent()).toBe(
      `Saved: Confirmed (version ${before.version + 1}).`,
    );
    await web.page.waitForSelector(`.history-list li[data-version="${before.version + 1}"]`);

    expect(await relation(peskovKyodo.id)).toMatchObject({ status: "confirmed", version: before.version + 1 });
    const events = await history(peskovKyodo.id);
    expect(events.at(-1)).toMatchObject({
      actor: "Ada Reviewer",
      fromStatus: "proposed",
      toStatus: "confirmed",
      note: "Kyodo's sources describe aims, Peskov denies a signature: a real clash.",
      version: before.version + 1,
    });
    expect(await web.page.locator(".history-list li").last().textContent()).toContain("Ada Reviewer");

    await web.page.reload();
    await web.settled();
    expect(await shownStatus()).toBe("confirmed");
    expect(await web.page.locator(".compare .version").textContent()).toBe(`version ${before.version + 1}`);
    // The token lasts for the tab: a second decision does not ask again.
    expect(await web.page.locator(".token-line").textContent()).toContain("A token is set for this tab.");
    await web.screenshot("compare-reviewed");
  });

  it("says clearly when someone else reviewed first (409) and lets the reviewer decide again", async () => {
    const { token } = await createApiToken(web.testDb.db, { name: "Bo Reviewer", role: "reviewer" });
    await web.freshPage();
    await web.open(`/contradictions/${peskovKyodo.id}`);
    const seen = await relation(peskovKyodo.id);

    // Another reviewer decides while this page is open.
    const other = await fetch(`${web.base}/api/relations/${peskovKyodo.id}/review`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${token}`,
        "If-Match": `"${seen.version}"`,
      },
      body: JSON.stringify({ status: "needs_evidence", note: "Find Kyodo's original report" }),
    });
    expect(other.status).toBe(200);

    await web.page.getByLabel("Note (optional)").fill("Not the same claim");
    await decide("Dismiss", token);
    const conflict = web.page.locator(".conflict");
    await conflict.waitFor();
    expect(await conflict.getAttribute("role")).toBe("alert");
    expect(await conflict.textContent()).toBe(
      `Not saved: someone else reviewed this relation first. It is now Needs evidence (version ${seen.version + 1}). ` +
        "Your note is still in the box: read the history, then decide again.",
    );
    expect(await shownStatus()).toBe("needs_evidence");
    expect(await web.page.getByLabel("Note (optional)").inputValue()).toBe("Not the same claim");
    await web.page.waitForSelector(`.history-list li[data-version="${seen.version + 1}"]`);
    await web.screenshot("compare-conflict");

    await decide("Dismiss");
    await web.page.waitForSelector('.compare .status-slot .badge[data-status="dismissed"]');
    expect(await conflict.isHidden()).toBe(true);
    expect(await relation(peskovKyodo.id)).toMatchObject({ status: "dismissed", version: seen.version + 2 });
    expect((await history(peskovKyodo.id)).slice(-2).map((e) => [e.actor, e.toStatus])).toEqual([
      ["Bo Reviewer", "needs_evidence"],
      ["Bo Reviewer", "dismissed"],
    ]);
  });

  it("saves nothing with an unknown token or a reader's token, and says why", async () => {
    const { token: readerToken } = await createApiToken(web.testDb.db, { name: "Cy Reader", role: "reader" });
    await web.freshPage();
    await web.open(`/contradictions/${peskovKyodo.id}`);
    const before = await relation(peskovKyodo.id);

    await decide("Needs evidence", "ct_not-a-token");
    // 401: the page forgets the token and asks again; cancelling leaves the relation as it was.
    const dialog = web.page.getByRole("dialog", { name: "Reviewer token" });
    await dialog.waitFor();
    expect(await dialog.locator("#token-dialog-reason").textContent()).toBe(
      "The server did not accept that token (unknown or revoked). Enter a valid token.",
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await web.page.waitForFunction(
      () => document.querySelector(".review-message")?.textContent === "Not saved: the token was not accepted.",
    );

    await decide("Needs evidence", readerToken);
    await web.page.waitForFunction(
      () =>
        document.querySelector(".review-message")?.textContent ===
        "Not saved: this token's role may not review (a reviewer or admin token is needed).",
    );
    expect(await relation(peskovKyodo.id)).toEqual(before);
  });
});
