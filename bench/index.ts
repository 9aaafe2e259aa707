/**
 * `npm run bench -- <name>`: runs bench/<name>.ts (its default export). With no name, lists them.
 * Benchmarks print figures and, where an anchor runs here, the ratio against it in the same run.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const names = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (wanted.length === 0) {
  console.log(`benchmarks: ${names.join(', ')}\nrun one with: npm run bench -- <name>`);
} else {
  for (const name of wanted) {
    if (!names.includes(name)) {
      console.error(`unknown benchmark '${name}'; have: ${names.join(', ')}`);
      process.exit(2);
    }
    const mod = (await import(join(here, `${name}.ts`))) as { default: (args: string[]) => Promise<void> };
    await mod.default(process.argv.slice(2));
  }
}
