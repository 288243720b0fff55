// Starts Lederrum: `npm start`. Configuration problems and an unreachable database stop the
// process with a plain message saying what to fix; nothing else is printed to the person.
import { isLederrumError } from './core/errors.ts';
import { ConfigError, loadConfig } from './app/config.ts';
import { jsonLogger } from './app/logger.ts';
import { exposureWarning, startApp } from './app/app.ts';
import { limitWasmTiering } from './app/wasm-tiering.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = jsonLogger(config.logLevel);
  // Before the database opens: its WebAssembly is compiled then (issue 18: idle memory).
  limitWasmTiering();
  try {
    const app = await startApp({ config, logger });
    logger.info('Lederrum is running', {
      url: app.url,
      playground: config.playground.enabled ? app.url : 'off',
      database: app.database.location,
    });
    if (config.playground.enabled) process.stdout.write(`\n  Lederrum playground: ${app.url}\n\n`);
    // Whatever LOG_LEVEL says, the person starting it sees this.
    const warning = exposureWarning(config);
    if (warning) process.stderr.write(`\n  !!! ${warning}\n\n`);
    // The first SIGTERM or SIGINT stops gracefully within SHUTDOWN_GRACE_MS (exit 0); a second
    // one, or a stop that overruns the grace by far, exits at once (exit 1).
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) {
        logger.warn('second signal while stopping: exiting at once', { signal });
        process.exit(1);
      }
      stopping = true;
      logger.info('stopping', { signal, graceMs: config.shutdownGraceMs });
      setTimeout(() => {
        logger.error('stopping took too long: exiting', { graceMs: config.shutdownGraceMs });
        process.exit(1);
      }, config.shutdownGraceMs + 5_000).unref();
      await app.close();
      logger.info('stopped', { signal });
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    if (isLederrumError(error) && error.code === 'DATABASE_UNREACHABLE') {
      process.stderr.write(`Lederrum cannot start: ${error.message}\nCheck DATABASE_URL (or unset it to use the embedded database in DATA_DIR).\n`);
      process.exit(1);
    }
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      process.stderr.write(`Lederrum cannot start: port ${config.port} is already in use. Set PORT to a free port, e.g. PORT=3979.\n`);
      process.exit(1);
    }
    process.stderr.write(`Lederrum cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

void main();
