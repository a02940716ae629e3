import path from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import { createCore } from '@core/core';
import { createExporter } from './platform/exporter';
import { createKeyStore } from './platform/key-store';
import { createPdfPrinter } from './platform/pdf-printer';
import { startWebHost } from './server';

const usage =
  'Usage: npm run web -- [--port <number>] [--data <folder>] [--passphrase <passphrase>] (or RR_PASSPHRASE in the environment)';

function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      passphrase: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return Promise.resolve();
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`The port must be a whole number from 0 to 65535. ${usage}`);
    process.exit(2);
  }
  const repoRoot = path.resolve(__dirname, '../..');
  const dataDir = path.resolve(values.data ?? path.join(repoRoot, '.web-data'));
  // Without a passphrase the host starts locked, and the page asks for one.
  const passphrase = values.passphrase || process.env.RR_PASSPHRASE || undefined;
  return start(port, dataDir, path.join(repoRoot, 'out/renderer'), passphrase);
}

async function start(
  port: number,
  dataDir: string,
  rendererDir: string,
  passphrase: string | undefined,
): Promise<void> {
  const printer = createPdfPrinter();
  const core = createCore({
    dataDir,
    appVersion: packageJson.version,
    printer,
    exporter: createExporter(),
    keyStore: createKeyStore(),
    passphrase,
  });
  const host = await startWebHost({ core, rendererDir, port });
  console.log(`Relational Review web host: ${host.url}`);
  console.error(`Case book: ${core.info.caseBookFile}`);

  const stop = () => {
    void host.close().finally(async () => {
      await printer.close();
      core.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
