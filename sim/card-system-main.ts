// CLI of the card system stub (`npm run sim:card-system`): the bank's card system contract
// (docs/card-system.openapi.yaml) over mTLS on the simulator's dev PKI, for CARD_SYSTEM=http.
import path from "node:path";
import { z } from "zod";
import { startCardSystemStub } from "./card-system";
import { createSimLogger } from "./logger";
import { ensureDevPki } from "./pki";

const settings = z
  .object({
    SIM_HOST: z.string().default("127.0.0.1"),
    SIM_CARD_SYSTEM_PORT: z.coerce.number().int().min(0).max(65535).default(8445),
    SIM_CARD_SYSTEM_CONTROL_PORT: z.coerce.number().int().min(0).max(65535).default(8446),
    SIM_PKI_DIR: z.string().default(".data/pki"),
    SIM_ISSUER_ID: z.string().default("ISSUER0001"),
  })
  .parse(process.env);

const log = createSimLogger("info");
const pki = await ensureDevPki({ dir: path.resolve(settings.SIM_PKI_DIR), issuerId: settings.SIM_ISSUER_ID });
const stub = await startCardSystemStub({
  pki,
  host: settings.SIM_HOST,
  port: settings.SIM_CARD_SYSTEM_PORT,
  controlPort: settings.SIM_CARD_SYSTEM_CONTROL_PORT,
  logger: log,
});
process.stderr.write(
  `Card system stub: ${stub.url} (mTLS)  control: ${stub.controlUrl}\n` +
    `  CARD_SYSTEM=http CARD_SYSTEM_URL=${stub.url}\n` +
    `  CARD_SYSTEM_TLS_CERT_FILE=${pki.issuerClient.certPath}\n` +
    `  CARD_SYSTEM_TLS_KEY_FILE=${pki.issuerClient.keyPath}\n` +
    `  CARD_SYSTEM_TLS_CA_FILE=${pki.ca.certPath}\n`,
);
const stop = () => void stub.stop().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
