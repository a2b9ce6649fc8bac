import type { Server } from "node:http";
import { loadSeed } from "../seed/loadSeed.js";
import { buildApp } from "./app.js";
import type { Config } from "./config.js";
import { createDb } from "./db/client.js";
import { applyMigrations } from "./db/migrate.js";
import { redactedUrl } from "./db/url.js";

/**
 * Prepares the database (migrations, and the seed article when it is empty) and listens.
 * Resolves once the server is accepting connections.
 */
export async function startServer(config: Config, log: (line: string) => void = console.error): Promise<Server> {
  await applyMigrations(config.databaseUrl);
  const db = createDb(config.databaseUrl, { replicaUrls: config.readReplicaUrls });
  if (config.seedOnEmpty && (await db.article.count()) === 0) {
    const seeded = await loadSeed(db);
    log(
      `seeded ${seeded.articleSlug}: ${seeded.claims} claims, ${seeded.relations} relations (+${seeded.derivedContradictions} derived)`,
    );
  }
  const app = buildApp({ config, db });
  return new Promise((resolve, reject) => {
    const server = app.listen(config.port, config.host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : config.port;
      log(`claimtrail serving ${redactedUrl(config.databaseUrl)} at http://${config.host}:${port}/`);
      resolve(server);
    });
    server.on("error", reject);
    server.on("close", () => void db.$disconnect());
  });
}
