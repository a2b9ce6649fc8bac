import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// One data path per feature: every query of src/domain/ is written in a repository module
// (`*Repository.ts`), the services see plain records. A service may name the `Db` handle it
// passes to a repository, but not the Prisma types, the SQL module or any other part of the
// client, and runs no Prisma query of its own.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Modules that build SQL fragments for repositories: they may use the data layer; only repositories import them. */
const SQL_FRAGMENT_MODULES = ["src/domain/claims/claimFilterSql.ts", "src/domain/search/searchEngine.ts"];

/** A worker thread's entry point: it opens its own database, as the server and the CLI do. */
const ENTRY_POINTS: Record<string, string[]> = { "src/domain/sheets/importThreadMain.ts": ["createDb"] };

const isRepository = (path: string) => path.endsWith("Repository.ts");

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

interface Import {
  /** Repository-relative path of the imported module, without extension; the specifier if not relative. */
  module: string;
  /** The names imported, `*` for a namespace or side-effect import. */
  names: string[];
  typeOnly: boolean;
}

const parsed = new Map<string, Import[]>();

function importsOf(path: string): Import[] {
  const cached = parsed.get(path);
  if (cached !== undefined) return cached;
  const source = ts.createSourceFile(path, readFileSync(join(ROOT, path), "utf8"), ts.ScriptTarget.Latest, true);
  const moduleOf = (specifier: string) =>
    specifier.startsWith(".")
      ? relative(ROOT, resolve(ROOT, dirname(path), specifier)).replace(/\.(js|ts|mjs)$/, "")
      : specifier;
  const found: Import[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const specifier = (node.moduleSpecifier as ts.StringLiteral).text;
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        const bindings = clause?.namedBindings;
        const named = bindings && ts.isNamedImports(bindings) ? bindings.elements : undefined;
        found.push({
          module: moduleOf(specifier),
          names: named ? named.map((e) => (e.propertyName ?? e.name).text) : ["*"],
          typeOnly: clause !== undefined && (clause.isTypeOnly || (named?.every((e) => e.isTypeOnly) ?? false)),
        });
      } else {
        found.push({ module: moduleOf(specifier), names: ["*"], typeOnly: node.isTypeOnly });
      }
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ module: moduleOf(node.arguments[0].text), names: ["*"], typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  parsed.set(path, found);
  return found;
}

/** What a file outside the repositories may not import, as a message, or undefined. */
function forbidden(path: string, imported: Import): string | undefined {
  const { module, names, typeOnly } = imported;
  if (module.startsWith("src/generated/prisma")) return `imports ${module} (Prisma types belong in repositories)`;
  if (module === "src/db/sql" || module === "src/db/dialect" || module === "src/db/inChunks")
    return `imports ${module} (queries, and cutting their lists into chunks, belong in repositories)`;
  if (module === "src/db/client") {
    const allowed = ENTRY_POINTS[path] ?? [];
    const other = names.filter((name) => !(name === "Db" && typeOnly) && !allowed.includes(name));
    if (other.length > 0) return `imports ${other.join(", ")} from src/db/client (only the type Db is passed through)`;
  }
  if (SQL_FRAGMENT_MODULES.includes(`${module}.ts`)) return `imports ${module} (SQL fragments are for repositories)`;
  return undefined;
}

const MODEL_CALL = (() => {
  const models = [...readFileSync(join(ROOT, "prisma/schema.prisma"), "utf8").matchAll(/^model (\w+)/gm)].map(
    ([, name]) => name![0]!.toLowerCase() + name!.slice(1),
  );
  const operations =
    "findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany|count|aggregate|groupBy";
  return new RegExp(
    `\\.(?:${models.join("|")})\\s*\\.\\s*(?:${operations})\\s*\\(|\\.\\$(?:queryRaw|executeRaw|transaction)\\w*\\b`,
    "g",
  );
})();

/** Every breach of the rule in src/domain/, as `path: what`. */
function dataPathViolations(): string[] {
  const violations: string[] = [];
  for (const path of sourceFiles("src/domain")) {
    if (isRepository(path) || SQL_FRAGMENT_MODULES.includes(path)) continue;
    for (const imported of importsOf(path)) {
      const problem = forbidden(path, imported);
      if (problem !== undefined) violations.push(`${path}: ${problem}`);
    }
    const text = readFileSync(join(ROOT, path), "utf8");
    for (const match of text.matchAll(MODEL_CALL)) {
      const line = text.slice(0, match.index).split("\n").length;
      violations.push(`${path}:${line}: queries in place (${match[0].replace(/\s+/g, "")})`);
    }
  }
  return violations;
}

describe("one data path per feature", () => {
  it("keeps Prisma, the SQL module and queries out of src/domain/ but for the repositories", () => {
    expect(dataPathViolations()).toEqual([]);
  });

  it("lets only repositories import the SQL-fragment modules", () => {
    const importers = sourceFiles("src").filter(
      (path) =>
        !isRepository(path) &&
        !SQL_FRAGMENT_MODULES.includes(path) &&
        importsOf(path).some((imported) => SQL_FRAGMENT_MODULES.includes(`${imported.module}.ts`)),
    );
    expect(importers).toEqual([]);
  });

  it("has repositories return records they define, not Prisma's payload types", () => {
    const PAYLOAD_EXPORT = /^export type \w+(?:<[^>]*>)? = Prisma\.\w+GetPayload/gm;
    const exported = sourceFiles("src/domain")
      .filter(isRepository)
      .flatMap((path) =>
        [...readFileSync(join(ROOT, path), "utf8").matchAll(PAYLOAD_EXPORT)].map((match) => `${path}: ${match[0]}`),
      );
    expect(exported).toEqual([]);
  });

  it("finds a query written in place", () => {
    expect(
      'await db.article.findUnique({ where: { slug } });\nreturn tx.$queryRawUnsafe("SELECT 1");'.match(MODEL_CALL),
    ).toEqual([".article.findUnique(", ".$queryRawUnsafe"]);
  });
});
