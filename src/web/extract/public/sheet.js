// Pure helpers of the "new article" page (no DOM): tested in test/web/extractSheet.test.ts.

/** The code points of a string (spans are code-point offsets, not UTF-16 indices). */
export function codePoints(text) {
  return Array.from(text);
}

/**
 * Cuts the body into runs for highlighting: each run knows which claims cover it and whether it
 * is a claim's cue. Claims are { key, start, end, cueStart?, cueEnd? } in code points.
 */
export function segmentBody(body, claims) {
  const points = codePoints(body);
  const cuts = new Set([0, points.length]);
  for (const c of claims) {
    for (const at of [c.start, c.end, c.cueStart, c.cueEnd])
      if (Number.isInteger(at) && at >= 0 && at <= points.length) cuts.add(at);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const runs = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i];
    const end = sorted[i + 1];
    runs.push({
      start,
      end,
      text: points.slice(start, end).join(""),
      claims: claims.filter((c) => c.start <= start && end <= c.end).map((c) => c.key),
      cue: claims.some((c) => Number.isInteger(c.cueStart) && c.cueStart <= start && end <= c.cueEnd),
    });
  }
  return runs;
}

/** Parses "slug:role > slug:role" into a chain; throws with a reason when malformed. */
export function parseChain(text) {
  const links = text
    .split(">")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [source, role] = part.split(":").map((s) => s.trim());
      if (!source || !role) throw new Error(`"${part}" is not slug:role`);
      return { source, role };
    });
  if (links.length === 0) throw new Error("a chain needs at least one link");
  return links;
}

/** Formats a chain as "slug:role > slug:role". */
export function formatChain(chain) {
  return chain.map((l) => `${l.source}:${l.role}`).join(" > ");
}

/**
 * The claim sheet to import: the proposed sheet with only accepted claims (as edited), the
 * relations accepted between them, and the new sources those claims or the article still use.
 * `decisions` maps a claim key to { status: "accepted"|"rejected"|"proposed", edits } and a
 * relation index to "accepted"|"rejected"; `sourceEdits` maps a source slug to edited fields.
 */
export function assembleSheet(sheet, decisions, relationDecisions = {}, sourceEdits = {}) {
  const claims = sheet.claims
    .filter((c) => decisions[c.key]?.status === "accepted")
    .map((c) => ({ ...c, ...(decisions[c.key].edits ?? {}) }));
  const keys = new Set(claims.map((c) => c.key));
  const relations = sheet.relations.filter(
    (r, i) => relationDecisions[i] === "accepted" && keys.has(r.from) && keys.has(r.to),
  );
  const used = new Set([sheet.article.publisher, ...claims.flatMap((c) => c.chains.flat().map((l) => l.source))]);
  const sources = sheet.sources.filter((s) => used.has(s.slug)).map((s) => ({ ...s, ...(sourceEdits[s.slug] ?? {}) }));
  return { ...sheet, sources, claims, relations };
}
