/**
 * One way to write an attribution chain everywhere it is text (the API's `text`, the CSV and
 * XLSX `chain` columns, JSON-LD descriptions, the page): the speaker first, each outlet that
 * passed it on after, the publisher last, joined by an arrow pointing the way the claim
 * travelled, as the page draws it.
 */
export const CHAIN_ARROW = " → ";

/** The same for slugs and roles, in an ASCII cell a spreadsheet formula can split: "a>b>c". */
export const CHAIN_SLUG_ARROW = ">";

/** "Sergei Shoigu → KCBS → Yonhap → InfoQuest" */
export function chainText(names: readonly string[]): string {
  return names.join(CHAIN_ARROW);
}

/** "sergei-shoigu>kcbs>yonhap>infoquest" (slugs) or "speaker>reporter>relay>publisher" (roles). */
export function chainSlugText(parts: readonly string[]): string {
  return parts.join(CHAIN_SLUG_ARROW);
}

/**
 * The parts of a chain's slug or role cell, speaker first. Exports before the arrow was fixed
 * wrote "a<b<c" in the same order; they are read the same way.
 */
export function splitChainSlugs(cell: string): string[] {
  return cell.split(/[<>]/).map((part) => part.trim());
}
