import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { reviewRelation } from "../../src/domain/relations/relationService.js";
import type { ClaimSheetInput } from "../../src/domain/sheets/claimSheet.js";
import { importClaimSheet } from "../../src/domain/sheets/importClaimSheet.js";
import { useSeededApp } from "../support/seededApp.js";

const seeded = useSeededApp();
const SEED = "infoquest-kim-putin-2023-09-20";
const DENIAL = `${SEED}/peskov-denial-military-agreement`;

/** A short report of our own writing: Peskov's denial, carried by `publisher`, supporting `relays`. */
function relaySheet(
  slug: string,
  publisher: string,
  publishedAt: string,
  viaTass: boolean,
  relays: string,
): ClaimSheetInput {
  const body = `Kremlin spokesman Dmitry Peskov said Russia signed no military agreement with North Korea. (${slug})`;
  const quote = "Russia signed no military agreement with North Korea";
  const start = body.indexOf(quote);
  return {
    format: "claimtrail/claim-sheet@1",
    article: { slug, title: `Peskov: no deal (${slug})`, publisher, language: "en", publishedAt, body },
    sources: [{ slug: publisher, name: `The ${publisher}`, kind: "newspaper", country: "GB" }],
    claims: [
      {
        key: "peskov-no-deal",
        quote,
        start,
        end: start + quote.length,
        gloss: "Peskov: no military agreement was signed",
        kind: "denial",
        chains: [
          [
            { source: "dmitry-peskov", role: "speaker" },
            ...(viaTass ? [{ source: "tass", role: "reporter" as const }] : []),
            { source: publisher, role: "publisher" },
          ],
        ],
      },
    ],
    relations: [{ from: "peskov-no-deal", to: relays, type: "supports", rationale: "same statement relayed" }],
  };
}

let dismissedId: number;
beforeAll(async () => {
  const { db } = seeded.testDb();
  // Earlier than the seed, through TASS; later, relaying the earlier one; and one whose relation is dismissed.
  await importClaimSheet(db, relaySheet("early-wire", "early-wire", "2023-09-13T09:00:00+00:00", true, DENIAL));
  await importClaimSheet(
    db,
    relaySheet("late-paper", "late-paper", "2023-09-21T08:00:00+01:00", false, "early-wire/peskov-no-deal"),
  );
  await importClaimSheet(db, relaySheet("wrong-paper", "wrong-paper", "2023-09-22T08:00:00+00:00", false, DENIAL));
  const wrong = await db.relation.findFirstOrThrow({
    where: { fromClaim: { article: { slug: "wrong-paper" } } },
    select: { id: true },
  });
  dismissedId = wrong.id;
  await reviewRelation(db, dismissedId, { status: "dismissed", expectedVersion: 1 }, "Ann");
});

const carriers = async (id: number) =>
  (await request(seeded.app()).get(`/api/claims/${id}/carriers`).expect(200)).body.data;

describe("GET /api/claims/:id/carriers", () => {
  it("lists every article that carried the statement in publication order, through relays of relays, and who was first", async () => {
    const denial = await seeded.claimId("peskov-denial-military-agreement");
    const data = await carriers(denial);
    expect(data.claimId).toBe(denial);
    expect(data.speaker.slug).toBe("dmitry-peskov");
    expect(
      data.carriers.map(
        (c: {
          article: { slug: string; publishedAt: string };
          firstOutlet: { slug: string };
          outlets: { slug: string }[];
        }) => [c.article.slug, c.article.publishedAt, c.firstOutlet.slug, c.outlets.map((o) => o.slug)],
      ),
    ).toEqual([
      ["early-wire", "2023-09-13T09:00:00Z", "tass", ["tass", "early-wire"]],
      [SEED, "2023-09-20T12:14:00+07:00", "infoquest", ["infoquest"]],
      ["late-paper", "2023-09-21T08:00:00+01:00", "late-paper", ["late-paper"]],
    ]);
    expect(data.firstCarrier.article.slug).toBe("early-wire");
    expect(data.firstCarrier.firstOutlet.name).toBe("TASS");
    expect(data.carriers[0].claim.chain).toBe("Dmitry Peskov → TASS → The early-wire");
    expect(data.carriers.find((c: { article: { slug: string } }) => c.article.slug === SEED).relationId).toBeNull();
  });

  it("gives the same trail from any claim on it", async () => {
    const late = await seeded.testDb().db.claim.findFirstOrThrow({ where: { article: { slug: "late-paper" } } });
    const data = await carriers(late.id);
    expect(data.carriers.map((c: { article: { slug: string } }) => c.article.slug)).toEqual([
      "early-wire",
      SEED,
      "late-paper",
    ]);
  });

  it("leaves out a dismissed relay, and a speaker's own reasoning within one article", async () => {
    const wrong = await seeded.testDb().db.claim.findFirstOrThrow({ where: { article: { slug: "wrong-paper" } } });
    expect((await carriers(wrong.id)).carriers.map((c: { article: { slug: string } }) => c.article.slug)).toEqual([
      "wrong-paper",
    ]);
    // Cha's food-shortage claim supports his munitions-for-food claim: the same speaker, one article.
    const cha = await carriers(await seeded.claimId("cha-kp-food-energy-shortage"));
    expect(cha.carriers).toHaveLength(1);
    expect(cha.firstCarrier.claim.key).toBe("cha-kp-food-energy-shortage");
  });

  it("404s an unknown claim", async () => {
    const res = await request(seeded.app()).get("/api/claims/999999/carriers").expect(404);
    expect(res.body.error).toEqual({ code: "not_found", message: 'claim "999999" was not found', details: null });
  });
});
