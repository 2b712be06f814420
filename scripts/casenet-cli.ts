import './check-node.mjs';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePage, printable } from '../shared/casenet/parse-page';

// Case.net page parser CLI: `npm run -s casenet -- parse FILE [--url URL]`.
// Prints ONE JSON object on stdout (exit 0). A page that claims to be a case page but cannot be
// read: nothing on stdout, one line on stderr, exit 1. Usage errors: exit 2.

const USAGE = 'usage: npm run -s casenet -- parse FILE [--url URL]';

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { url: { type: 'string' } } });
  } catch (err) {
    usage(err instanceof Error ? err.message : String(err));
  }
  const [command, file, ...extra] = parsed.positionals;
  if (command !== 'parse') usage(command === undefined ? 'missing command' : `unknown command "${command}"`);
  if (file === undefined) usage('missing FILE');
  if (extra.length > 0) usage(`unexpected argument "${extra[0]}"`);

  let url: URL | undefined;
  if (parsed.values.url !== undefined) {
    if (!URL.canParse(parsed.values.url)) usage(`--url is not a URL: ${parsed.values.url}`);
    url = new URL(parsed.values.url);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    usage(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }

  const result = parsePage(text, url);
  if (result.kind === 'error') {
    process.stderr.write(`${result.reason}: ${result.message.replace(/\s+/g, ' ')}\n`);
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify(printable(result))}\n`);
}

main();
