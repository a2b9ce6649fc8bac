import type { ClaimSheet, SheetClaim } from "../sheets/claimSheet.js";
import type { Stance } from "../vocabulary.js";
import { type ExtractionResult, extractClaimSheet } from "./extractClaimSheet.js";
import { normalizeName } from "./sources.js";
import type { KnownSource } from "./types.js";

/** One line of the evaluation table. */
export interface Score {
  metric: string;
  value: number;
  correct: number;
  total: number;
  target?: number;
}

export interface Evaluation {
  mode: string;
  scores: Score[];
  misses: string[];
}

/** Whether two spans overlap by at least half of the shorter one (the issue's matching rule). */
export function spansMatch(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && overlap >= Math.min(a.end - a.start, b.end - b.start) / 2;
}

const overlapOf = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** The stance a curated claim takes overall: denial, hedged, or asserted. */
export function goldStance(claim: SheetClaim): Stance {
  if (claim.kind === "denial") return "denies";
  return claim.hedged ? "hedges" : "asserts";
}

/**
 * Scores the extractor against a curated claim sheet: runs it on the sheet's body and compares
 * claims (span overlap >= half the shorter span), speakers, full chains, stances and
 * contradictions. Proposed sources are aligned to curated ones by their names (slugs differ).
 * `mode` "cold" knows only the publisher; "warm" knows every curated source, as if stored.
 */
export function evaluateExtraction(gold: ClaimSheet, mode: "cold" | "warm" = "cold"): Evaluation {
  const asKnown = (s: ClaimSheet["sources"][number]): KnownSource => ({
    slug: s.slug,
    name: s.name,
    kind: s.kind,
    names: s.names,
  });
  const known =
    mode === "warm"
      ? gold.sources.map(asKnown)
      : gold.sources.filter((s) => s.slug === gold.article.publisher).map(asKnown);
  const result = extractClaimSheet(gold.article.body, {
    language: gold.article.language === "th" ? "th" : "en",
    publisher: gold.article.publisher,
    title: gold.article.title,
    publishedAt: gold.article.publishedAt,
    knownSources: known,
  });
  return score(gold, result, mode);
}

function score(gold: ClaimSheet, result: ExtractionResult, mode: string): Evaluation {
  const publisher = gold.article.publisher;
  const attributed = gold.claims.filter((c) => c.chains[0]![0]!.source !== publisher);
  const proposed = result.sheet.claims;
  const stanceOf = new Map(result.proposals.claims.map((p) => [p.key, p.stance]));
  const align = aligner(gold, result);
  const misses: string[] = [];
  const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

  // Best proposal for each curated claim (most overlap), many-to-one allowed; and a one-to-one matching.
  const best = new Map<string, SheetClaim>();
  for (const claim of attributed) {
    const candidates = proposed
      .filter((p) => spansMatch(p, claim))
      .sort((a, b) => overlapOf(b, claim) - overlapOf(a, claim));
    if (candidates[0]) best.set(claim.key, candidates[0]);
    else misses.push(`missed claim ${claim.key} (${claim.cue ?? "no cue"}): "${short(claim.quote)}"`);
  }
  const used = new Set<string>();
  let oneToOne = 0;
  for (const claim of attributed) {
    const free = proposed
      .filter((p) => !used.has(p.key) && spansMatch(p, claim))
      .sort((a, b) => overlapOf(b, claim) - overlapOf(a, claim));
    if (free[0]) {
      used.add(free[0].key);
      oneToOne++;
    }
  }
  const precise = proposed.filter((p) => attributed.some((c) => spansMatch(p, c)));
  for (const p of proposed)
    if (!precise.includes(p)) misses.push(`extra proposal ${p.key} (${p.cue}): "${short(p.quote)}"`);

  let speakerOk = 0;
  let chainOk = 0;
  let stanceOk = 0;
  let kindOk = 0;
  for (const [key, p] of best) {
    const claim = attributed.find((c) => c.key === key)!;
    const chain = p.chains[0]!.map((l) => ({ source: align(l.source), role: l.role }));
    if (p.kind === claim.kind) kindOk++;
    else misses.push(`kind of ${key}: proposed ${p.kind}, curated ${claim.kind}`);
    if (chain[0]!.source === claim.chains[0]![0]!.source) speakerOk++;
    else
      misses.push(
        `speaker of ${key}: proposed ${p.chains[0]![0]!.source} (= ${chain[0]!.source ?? "no curated source"}), curated ${claim.chains[0]![0]!.source}`,
      );
    if (claim.chains.some((g) => JSON.stringify(g) === JSON.stringify(chain))) chainOk++;
    else
      misses.push(
        `chain of ${key}: proposed ${chain.map((l) => `${l.source ?? "?"}:${l.role}`).join(" > ")}, curated ${claim.chains[0]!.map((l) => `${l.source}:${l.role}`).join(" > ")}`,
      );
    if (stanceOf.get(p.key) === goldStance(claim)) stanceOk++;
    else misses.push(`stance of ${key}: proposed ${stanceOf.get(p.key)}, curated ${goldStance(claim)}`);
  }

  const goldContradictions = gold.relations.filter((r) => r.type === "contradicts");
  const proposedContradictions = result.sheet.relations.filter((r) => r.type === "contradicts" && !r.to.includes("/"));
  const proposedPairs = new Set(proposedContradictions.map((r) => [r.from, r.to].sort().join(":")));
  // A proposal is right when the curated claims its two ends stand for are curated as contradicting.
  const goldOf = (key: string) => attributed.filter((c) => spansMatch(proposed.find((p) => p.key === key)!, c));
  const goldPairs = new Set(goldContradictions.map((r) => [r.from, r.to].sort().join(":")));
  let contradictionRight = 0;
  for (const r of proposedContradictions) {
    const right = goldOf(r.from).some((a) => goldOf(r.to).some((b) => goldPairs.has([a.key, b.key].sort().join(":"))));
    if (right) contradictionRight++;
    else misses.push(`wrong contradiction ${r.from} <> ${r.to}: ${r.rationale}`);
  }
  let contradictionOk = 0;
  for (const r of goldContradictions) {
    const a = best.get(r.from);
    const b = best.get(r.to);
    if (a && b && proposedPairs.has([a.key, b.key].sort().join(":"))) contradictionOk++;
    else misses.push(`missed contradiction ${r.from} <> ${r.to}`);
  }

  const matched = best.size;
  const ratio = (correct: number, total: number) => (total === 0 ? 0 : Math.round((correct / total) * 1000) / 1000);
  return {
    mode,
    scores: [
      {
        metric: "claim recall",
        value: ratio(matched, attributed.length),
        correct: matched,
        total: attributed.length,
        target: 0.9,
      },
      {
        metric: "claim recall (one-to-one)",
        value: ratio(oneToOne, attributed.length),
        correct: oneToOne,
        total: attributed.length,
      },
      {
        metric: "claim precision",
        value: ratio(precise.length, proposed.length),
        correct: precise.length,
        total: proposed.length,
        target: 0.9,
      },
      {
        metric: "speaker accuracy",
        value: ratio(speakerOk, matched),
        correct: speakerOk,
        total: matched,
        target: 0.9,
      },
      { metric: "chain accuracy", value: ratio(chainOk, matched), correct: chainOk, total: matched, target: 0.85 },
      { metric: "stance accuracy", value: ratio(stanceOk, matched), correct: stanceOk, total: matched },
      { metric: "kind accuracy", value: ratio(kindOk, matched), correct: kindOk, total: matched },
      {
        metric: "contradiction recall",
        value: ratio(contradictionOk, goldContradictions.length),
        correct: contradictionOk,
        total: goldContradictions.length,
        target: 0.6,
      },
      {
        metric: "contradiction precision",
        value: ratio(contradictionRight, proposedContradictions.length),
        correct: contradictionRight,
        total: proposedContradictions.length,
        target: 0.7,
      },
    ],
    misses,
  };
}

/** Adds up the evaluations of several texts metric by metric (misses prefixed with their text's id). */
export function sumEvaluations(mode: string, parts: { id: string; evaluation: Evaluation }[]): Evaluation {
  const scores = new Map<string, Score>();
  for (const { evaluation } of parts)
    for (const s of evaluation.scores) {
      const sum = scores.get(s.metric) ?? { ...s, correct: 0, total: 0, value: 0 };
      sum.correct += s.correct;
      sum.total += s.total;
      sum.value = sum.total === 0 ? 0 : Math.round((sum.correct / sum.total) * 1000) / 1000;
      scores.set(s.metric, sum);
    }
  return {
    mode,
    scores: [...scores.values()],
    misses: parts.flatMap(({ id, evaluation }) => evaluation.misses.map((m) => `${id}: ${m}`)),
  };
}

/** Maps a proposed source slug to the curated source with the same slug or a shared name. */
function aligner(gold: ClaimSheet, result: ExtractionResult): (slug: string) => string | undefined {
  const strip = (name: string) =>
    normalizeName(name)
      .toLowerCase()
      .replace(/^(?:the|a|an)\s+/, "");
  const goldNames = gold.sources.map((s) => ({ slug: s.slug, names: [s.name, ...s.names].map(strip) }));
  return (slug) => {
    if (goldNames.some((g) => g.slug === slug)) return slug;
    const source = result.sheet.sources.find((s) => s.slug === slug);
    if (!source) return undefined;
    const names = [source.name, ...source.names].map(strip);
    const exact = goldNames.find((g) => g.names.some((n) => names.includes(n)));
    if (exact) return exact.slug;
    // "Finance Minister Ilse Marren" for "Ilse Marren", "นายวีระพล ศรีสุข อธิบดี..." for "นายวีระพล ศรีสุข":
    // a curated name form of two or more words at either end of a proposed name.
    const edge = (name: string, form: string) =>
      form.includes(" ") && (name.startsWith(`${form} `) || name.endsWith(` ${form}`));
    const edged = goldNames.filter((g) => g.names.some((form) => names.some((name) => edge(name, form))));
    return edged.length === 1 ? edged[0]!.slug : undefined;
  };
}

/** The evaluation as a plain-text table, misses listed after it. */
export function formatEvaluation(evaluation: Evaluation): string {
  const rows = evaluation.scores.map(
    (s) =>
      `| ${s.metric.padEnd(26)} | ${s.total === 0 ? "  n/a" : s.value.toFixed(3)} | ${`${s.correct}/${s.total}`.padStart(7)} | ${s.target === undefined ? "      " : `>=${s.target.toFixed(2)}`} |`,
  );
  return [
    `extraction vs curated sheet (${evaluation.mode}: ${evaluation.mode.endsWith("cold") ? "only the publisher stored" : "every curated source stored"})`,
    `| ${"metric".padEnd(26)} | value | correct | target |`,
    `|${"-".repeat(28)}|-------|---------|--------|`,
    ...rows,
    "",
    `misses (${evaluation.misses.length}):`,
    ...evaluation.misses.map((m) => `  - ${m}`),
  ].join("\n");
}
