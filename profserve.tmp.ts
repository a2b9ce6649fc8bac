process.on("SIGINT", () => process.exit(0));
await import("./src/cli/main.ts");
