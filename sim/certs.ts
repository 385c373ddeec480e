// CLI: creates the development PKI if anything is missing and prints what exists.
//   tsx sim/certs.ts [--dir .data/pki] [--issuer ISSUER0001]
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureDevPki } from "./pki";

const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    issuer: { type: "string" },
  },
});
const dir = path.resolve(values.dir ?? process.env.SIM_PKI_DIR ?? ".data/pki");
const issuerId = values.issuer ?? process.env.SIM_ISSUER_ID ?? "ISSUER0001";

try {
  const pki = await ensureDevPki({ dir, issuerId });
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  const lines = [
    `Development PKI for issuer ${pki.issuerId} in ${rel(pki.dir)} (never commit these files)`,
    `  CA certificate               ${rel(pki.ca.certPath)}`,
    `  simulator server cert/key    ${rel(pki.simServer.certPath)}  ${rel(pki.simServer.keyPath)}`,
    `  issuer mTLS client cert/key  ${rel(pki.issuerClient.certPath)}  ${rel(pki.issuerClient.keyPath)}  (CN ${pki.issuerClient.commonName})`,
    `  simulator client cert/key    ${rel(pki.simClient.certPath)}  ${rel(pki.simClient.keyPath)}  (CN ${pki.simClient.commonName})`,
    `  issuer ES256 signing key     ${rel(pki.issuerSigning.privateKeyPath)}  kid ${pki.issuerSigning.kid}`,
    `  D1 (simulator) JWE key       ${rel(pki.simEncryption.publicKeyPath)}  kid ${pki.simEncryption.kid}`,
    `  manifest                     ${rel(pki.manifestPath)}`,
  ];
  console.log(lines.join("\n"));
} catch (err) {
  console.error(`sim:certs failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
