import request from "supertest";
import { describe, expect, it } from "vitest";
import { useSeededApp } from "../support/seededApp.js";

const seeded = useSeededApp();
const keys = (res: request.Response) => res.body.data.map((c: { key: string }) => c.key);

// SQLite's LIKE ignores the case of ASCII letters; on PostgreSQL the same filter must too.
describe("?q= ignores case on every engine", () => {
  it("finds the same claims for putin, Putin and PUTIN", async () => {
    const found = await Promise.all(
      ["putin", "Putin", "PUTIN"].map(async (q) =>
        keys(await request(seeded.app()).get(`/api/claims?q=${q}`).expect(200)),
      ),
    );
    // Six body claims, and the headline's gloss ("...to meet Putin...").
    expect(found[0]).toHaveLength(7);
    expect(found[0]).toContain("infoquest-headline-world-fears-kim-putin-trip");
    expect(found[1]).toEqual(found[0]);
    expect(found[2]).toEqual(found[0]);
  });

  it("exports the same claims for putin and Putin", async () => {
    const lower = await request(seeded.app()).get("/api/export/claims.csv?q=putin").expect(200);
    const upper = await request(seeded.app()).get("/api/export/claims.csv?q=Putin").expect(200);
    expect(lower.text.trim().split("\n").length).toBe(8);
    expect(lower.text).toBe(upper.text);
  });
});
