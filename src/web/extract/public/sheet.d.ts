// Types of the page's pure helpers, for the tests.
export interface BodyRun {
  start: number;
  end: number;
  text: string;
  claims: string[];
  cue: boolean;
}
export function codePoints(text: string): string[];
export function segmentBody(
  body: string,
  claims: { key: string; start: number; end: number; cueStart?: number; cueEnd?: number }[],
): BodyRun[];
export function parseChain(text: string): { source: string; role: string }[];
export function formatChain(chain: { source: string; role: string }[]): string;
export function assembleSheet<
  S extends {
    article: { publisher: string };
    claims: { key: string; chains: { source: string }[][] }[];
    relations: { from: string; to: string }[];
    sources: { slug: string }[];
  },
>(
  sheet: S,
  decisions: Record<string, { status: string; edits?: Record<string, unknown> }>,
  relationDecisions?: Record<number, string>,
  sourceEdits?: Record<string, Record<string, unknown>>,
): S;
