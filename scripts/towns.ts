/**
 * Saved towns in the store (DATA_DIR, default data/, or REDIS_URL):
 *   npm run towns -- list
 *   npm run towns -- export <id> <file>    one JSON run file (format "ville-run")
 *   npm run towns -- import <file>         under the file's id when free, else a new one
 */
import { createWriteStream, readFileSync } from "node:fs";
import { once } from "node:events";
import { DEFAULT_CONFIG } from "../server/config";
import { exportRun, importRun, parseRunText, runFileChunks, RunFileError } from "../server/runs/run-file";
import { openStore } from "../server/store/open-store";
import { describeDamage, type Store } from "../server/store/store";

const USAGE = "usage: npm run towns -- list | export <id> <file> | import <file>";

function fail(message: string, code = 2): never {
  console.error(`towns: ${message}`);
  process.exit(code);
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === "list" && args.length === 0) return withStore(list);
  if (command === "export" && args.length === 2) return withStore((store) => exportTo(store, args[0], args[1]));
  if (command === "import" && args.length === 1) return withStore((store) => importFrom(store, args[0]));
  fail(command ? `cannot read "${[command, ...args].join(" ")}"\n${USAGE}` : USAGE);
}

async function withStore(work: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore({ dataDir: process.env.DATA_DIR?.trim() || DEFAULT_CONFIG.dataDir, redisUrl: process.env.REDIS_URL?.trim() || undefined });
  try {
    await work(store);
  } finally {
    await store.close();
  }
}

async function list(store: Store): Promise<void> {
  const towns = (await store.listTowns()).sort((a, b) => b.updatedAt - a.updatedAt);
  if (towns.length === 0) return console.log(`No saved towns in ${store.where}.`);
  console.log(`${towns.length} saved town(s) in ${store.where}:`);
  for (const t of towns) {
    const flags = [t.mode, t.private && "private", t.password && "password", t.isDefault && "default", t.closed && "closed", t.forkOf && `fork of ${t.forkOf.town} at step ${t.forkOf.step}`].filter(Boolean).join(", ");
    const game = new Date(t.gameTimeMs).toISOString().slice(0, 16).replace("T", " ");
    const saved = new Date(t.updatedAt).toISOString().slice(0, 19).replace("T", " ");
    console.log(`  ${t.id}  "${t.name}"  ${t.scenario}  step ${t.step} (game ${game})  saved ${saved} UTC  [${flags}]`);
  }
}

async function exportTo(store: Store, id: string, path: string): Promise<void> {
  const exported = await exportRun(store, id);
  if (!exported) fail(`no saved town "${id}" in ${store.where}`, 1);
  const out = createWriteStream(path);
  for (const chunk of runFileChunks(exported.file)) if (!out.write(chunk)) await once(out, "drain");
  out.end();
  await once(out, "finish");
  const { logs, snapshots } = exported.file;
  console.log(`Exported ${id} to ${path}: ${snapshots.length} snapshot(s), ${logs.steps.length} frames, ${logs.chat.length} lines, ${logs.memory.length} memories, ${logs.answers.length} answers.`);
  if (exported.damage.length > 0) {
    console.error(`warning: the store could not read all of ${id}; the file holds what came before the damage:`);
    for (const d of exported.damage) console.error(`  ${describeDamage(d)}`);
    process.exitCode = 3;
  }
}

async function importFrom(store: Store, path: string): Promise<void> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    fail(`cannot read ${path}: ${(err as Error).message}`, 1);
  }
  try {
    const imported = await importRun(store, parseRunText(text));
    const c = imported.counts;
    const as = imported.renamed ? `as ${imported.id} (its id ${imported.fileId} was taken)` : `as ${imported.id}`;
    console.log(`Imported "${imported.town.name}" ${as} into ${store.where}: ${c.snapshots} snapshot(s), ${c.steps} frames, ${c.chat} lines, ${c.memory} memories, ${c.answers} answers.`);
  } catch (err) {
    if (err instanceof RunFileError) fail(`${path}: ${err.message}; nothing was stored`, 1);
    throw err;
  }
}

main().catch((err) => {
  console.error(`towns: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
