import { createDb, sharedConnection } from "./src/db/client.js";
import { queryRows } from "./src/db/sql.js";
import { findClaimPage } from "./src/domain/claims/claimRepository.js";
import { findContradictingClaimIds } from "./src/domain/contradictions/relationRepository.js";
import { findPublicationTimes } from "./src/domain/articles/articleRepository.js";
const db = createDb("file:/tmp/bench/b50k.db");
const conn = (await sharedConnection(db))!;
const origPrepare = conn.prepare.bind(conn);
const times = new Map<string, number>();
conn.prepare = ((sql: string) => { const st = origPrepare(sql); const all = st.all.bind(st); (st as any).all = (...a: unknown[]) => { const b = performance.now(); const r = all(...a); const k = sql.replace(/\s+/g, " ").slice(0, 70); times.set(k, (times.get(k) ?? 0) + performance.now() - b); return r; }; return st; }) as any;
let after = 0; const b = performance.now();
for (;;) { const rows = await findClaimPage(db, {}, after, 1000); if (!rows.length) break; after = rows[rows.length - 1]!.id;
  await findPublicationTimes(db, [...new Set(rows.map((r) => r.article.slug))]); await findContradictingClaimIds(db, rows.map((r) => r.id)); }
console.log("total", (performance.now() - b).toFixed(0));
for (const [k, v] of times) console.log(v.toFixed(0).padStart(6), k);
