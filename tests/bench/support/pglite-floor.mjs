// PGlite's own floor: a bare Node process that opens PGlite on DATA_DIR with the settings the app
// uses (PGLITE_SETTINGS, passed as JSON by the bench from src/store/pglite.ts; the app's
// WebAssembly flags as node's own), runs one query and idles. Whatever the app's RSS is beyond
// this is Lederrum's.
import { PGlite } from '@electric-sql/pglite';

const client = await PGlite.create(process.env.DATA_DIR, { postgresqlconf: JSON.parse(process.env.PGLITE_SETTINGS) });
await client.query('SELECT 1');
process.stdout.write('pglite floor ready\n');
process.once('SIGTERM', () => client.close().then(() => process.exit(0)));
// Keeps the process alive while idle, as a server's listening socket would.
setInterval(() => {}, 1 << 30);
