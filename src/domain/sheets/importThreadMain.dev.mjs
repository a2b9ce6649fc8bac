// The import thread run from TypeScript sources (tsx, vitest): tsx's loader first, then the thread.
import { register } from "tsx/esm/api";

register();
await import("./importThreadMain.ts");
