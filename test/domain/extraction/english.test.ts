import { describe, expect, it } from "vitest";
import { englishSentences } from "../../../src/domain/extraction/english.js";
import { extractClaimSheet } from "../../../src/domain/extraction/extractClaimSheet.js";
import { proposed } from "./helpers.js";

describe("English sentences", () => {
  it("does not end a sentence at Mr., U.S. or Jan.", () => {
    const text = "Mr. Lee met U.S. envoys on Jan. 5. They left.";
    expect(englishSentences(text, { start: 0, end: text.length }).map((r) => text.slice(r.start, r.end))).toEqual([
      "Mr. Lee met U.S. envoys on Jan. 5.",
      "They left.",
    ]);
  });
});

describe("English reporting verbs", () => {
  it("X said (that) ...: title dropped from the name, kind from the title", () => {
    const text = "Finance Minister Anna Berg said on Monday that inflation would fall.";
    const { sheet } = extractClaimSheet(text, { publisher: "test-wire" });
    expect(sheet.claims.map((c) => [c.quote, c.cue])).toEqual([["inflation would fall", "said"]]);
    expect(sheet.sources.find((s) => s.name === "Anna Berg")).toMatchObject({ slug: "anna-berg", kind: "official" });
  });

  it("skips 'in a statement' and 'told reporters' before the content", () => {
    expect(
      proposed(
        "The ministry said in a statement that it would not comment.\n\nMs. Vale told reporters the plan was final.",
      ).map((c) => [c.speaker, c.quote]),
    ).toEqual([
      ["ministry", "it would not comment"],
      ["Vale", "the plan was final"],
    ]);
  });

  it('quotation first: "...," said X / "...," X said', () => {
    expect(
      proposed('"We are ready," said General Omar Haddad.\n\n"Nothing was signed," the spokesman said.').map((c) => [
        c.speaker,
        c.quote,
      ]),
    ).toEqual([
      ["Omar Haddad", "We are ready"],
      ["spokesman", "Nothing was signed"],
    ]);
  });

  it("trailing attribution: CONTENT, officials said.", () => {
    expect(proposed("Three bridges were closed after the storm, local officials said.")).toEqual([
      expect.objectContaining({
        speaker: "local officials",
        quote: "Three bridges were closed after the storm",
        cue: "said",
      }),
    ]);
  });

  it("according to, before and after the claim; hedges by may", () => {
    expect(
      proposed(
        "According to Nordpress, the talks may resume.\n\nPrices rose 4%, according to the statistics office.",
      ).map((c) => [c.speaker, c.quote, c.stance]),
    ).toEqual([
      ["Nordpress", "the talks may resume", "hedges"],
      ["statistics office", "Prices rose 4%", "asserts"],
    ]);
  });

  it("denied marks a denial; 'despite reports' is cut from the content", () => {
    expect(proposed("Officials denied that any deal had been signed, despite reports of a secret agreement.")).toEqual([
      expect.objectContaining({
        speaker: "Officials",
        quote: "any deal had been signed",
        stance: "denies",
        kind: "denial",
      }),
    ]);
  });
});

describe("English chains", () => {
  it("X, citing Y, reported that ...: Y speaks, X reports", () => {
    expect(
      proposed("Westwire, citing sources close to the cabinet, reported that the minister would resign.")[0]!.chain,
    ).toEqual(["sources close to the cabinet:speaker", "Westwire:reporter", "test-wire:publisher"]);
  });

  it("X reported, citing Y, that Z said ...: speaker -> reporter -> relay -> publisher", () => {
    const [claim] = proposed(
      "Eastwire reported, citing Radio Kappa, that Colonel Ivo Marek said the border was closed.",
    );
    expect(claim!.chain).toEqual([
      "Ivo Marek:speaker",
      "Radio Kappa:reporter",
      "Eastwire:relay",
      "test-wire:publisher",
    ]);
    expect(claim!.quote).toBe("the border was closed");
  });

  it("X quoted Y as saying ...", () => {
    expect(proposed("Northwire quoted a police official as saying the blast killed five people.")[0]).toMatchObject({
      chain: ["police official:speaker", "Northwire:reporter", "test-wire:publisher"],
      quote: "the blast killed five people",
    });
  });

  it("proposes a contradiction for 'contrary to' naming an earlier speaker", () => {
    const { sheet } = extractClaimSheet(
      "Vale denied that troops had crossed the border.\n\nContrary to Vale's denial, Southwire reported that troops crossed the border at dawn.",
      { publisher: "test-wire" },
    );
    expect(sheet.relations.map((r) => [r.from, r.to, r.rationale])).toEqual([
      ["c2", "c1", 'the text sets c2 against c1 with "contrary to" (contrary to)'],
    ]);
  });

  it("X criticised ..., saying ...: the claim is what follows saying", () => {
    expect(proposed("Senator Ada Vos criticised the ruling, saying that judges had overreached.")[0]).toMatchObject({
      speaker: "Ada Vos",
      quote: "judges had overreached",
    });
  });

  it("proposes a contradiction when a source denies the report before it", () => {
    const { sheet } = extractClaimSheet(
      "Westwire, citing people familiar with the matter, reported that the minister would resign. The ministry denied the report on Friday.",
      { publisher: "test-wire" },
    );
    expect(sheet.relations.map((r) => [r.from, r.to, r.rationale])).toEqual([
      ["c2", "c1", 'the text sets c2 against c1 with "denied the report" (denies the report)'],
    ]);
  });

  it("reads the publisher from a wire dateline", () => {
    const { sheet } = extractClaimSheet("LIMA (Southwire) - Officials said the road was closed.");
    expect(sheet.sources.find((s) => s.slug === sheet.article.publisher)).toMatchObject({ name: "Southwire" });
    expect(sheet.claims[0]!.chains[0]!.map((l) => l.role)).toEqual(["speaker", "publisher"]);
  });

  it("keeps a multi-sentence quotation whole and resolves 'he' to the last named speaker", () => {
    const claims = proposed(
      'Colonel Ivo Marek said the border was closed.\n\n"We will not retreat. Our troops stay," he said.',
    );
    expect(claims.map((c) => [c.speaker, c.quote])).toEqual([
      ["Ivo Marek", "the border was closed"],
      ["Ivo Marek", "We will not retreat. Our troops stay"],
    ]);
  });

  it("drops a pronoun speaker with no one named before it", () => {
    expect(proposed('"We will not retreat," he said.')).toEqual([]);
  });

  it("reads 'Name, who ..., said' as the person and 'In X, officials said' as officials", () => {
    expect(
      proposed(
        "Dmitry Ivanov, who speaks for the ministry, said the talks had failed.\n\nIn Lima, officials said the embassy was closed.",
      ).map((c) => c.speaker),
    ).toEqual(["Dmitry Ivanov", "officials"]);
  });

  it("takes the whole sentence when 'according to X' sits inside it", () => {
    expect(proposed("The deal, according to two diplomats, was signed on Monday.")[0]).toMatchObject({
      speaker: "two diplomats",
      quote: "The deal, according to two diplomats, was signed on Monday",
    });
  });

  it("strips a wire dateline from the first speaker and reads the publisher from it", () => {
    const { sheet } = extractClaimSheet(
      "LIMA, Peru (Southwire) — The country's air force said Sunday that it had grounded all jets.",
    );
    expect(sheet.claims.map((c) => c.quote)).toEqual(["it had grounded all jets"]);
    expect(sheet.sources.map((s) => [s.name, s.kind])).toEqual([
      ["Southwire", "news_agency"],
      ["country's air force", "military"],
    ]);
  });

  it("ends the claim at the publisher's aside and keeps its stance", () => {
    expect(
      proposed(
        "The ministry claimed its forces had destroyed a depot, a claim that could not be independently verified.",
      )[0],
    ).toMatchObject({
      quote: "its forces had destroyed a depot",
      stance: "asserts",
    });
  });

  it("proposes no contradiction for 'contrary to reports' that names no one", () => {
    const { sheet } = extractClaimSheet(
      "The Kremlin denied targeting civilians.\n\nKremlin spokesman Ivan Orlov said strikes hit only military sites, contrary to reports from local authorities.",
      { publisher: "test-wire" },
    );
    expect(sheet.claims.map((c) => c.quote)).toEqual(["targeting civilians", "strikes hit only military sites"]);
    expect(sheet.relations).toEqual([]);
  });

  it("reads a trailing attribution followed by a subordinate clause, without the dateline", () => {
    expect(
      proposed(
        "OSLO, May 2 (Northwire) - Growth is likely to slow this year, the central bank said on Tuesday, as energy prices rose.",
      )[0],
    ).toMatchObject({
      speaker: "central bank",
      quote: "Growth is likely to slow this year",
      stance: "hedges",
    });
  });

  it("finds one attribution per independent clause (', but critics say ...')", () => {
    expect(
      proposed(
        "The government insists that growth will return by summer, but critics say the forecast is too optimistic.",
      ).map((c) => [c.speaker, c.quote]),
    ).toEqual([
      ["government", "growth will return by summer"],
      ["critics", "the forecast is too optimistic"],
    ]);
  });

  it("reads a later surname as the person named before, and never nests a report inside a quotation", () => {
    const claims = proposed(
      '"We expect a mild recession," Bank President Karl Weber told reporters.\n\nWeber said inflation would ease slowly.',
    );
    expect(claims.map((c) => [c.speaker, c.chain.length, c.quote])).toEqual([
      ["Karl Weber", 2, "We expect a mild recession"],
      ["Karl Weber", 2, "inflation would ease slowly"],
    ]);
  });

  it("takes the maker of a report as the source (according to a report by the group X)", () => {
    expect(
      proposed("Rain fell all week. According to a report by the group Green Earth, forest cover fell by a third.")[0],
    ).toMatchObject({
      speaker: "Green Earth",
      quote: "forest cover fell by a third",
    });
  });
});
