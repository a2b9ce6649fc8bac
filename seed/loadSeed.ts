import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Db } from "../src/db/client.js";
import { importClaimSheet } from "../src/domain/sheets/importClaimSheet.js";
import type { ImportResult } from "../src/domain/sheets/sheetView.js";
import { PROJECT_ROOT } from "../src/projectRoot.js";

/** The seed claim sheet: InfoQuest's In Focus of 20 September 2023 on Kim Jong Un's visit to Putin. */
export const SEED_SHEET_URL = pathToFileURL(join(PROJECT_ROOT, "seed", "infoquest-kim-putin-2023-09-20.json"));

export async function readSeedSheet(): Promise<unknown> {
  return JSON.parse(await readFile(SEED_SHEET_URL, "utf8"));
}

/** Loads the seed article through the claim-sheet import (validated, one transaction). */
export async function loadSeed(db: Db): Promise<ImportResult> {
  return importClaimSheet(db, await readSeedSheet());
}
