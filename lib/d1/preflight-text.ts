// Sentences for TLS failures of the pre-flight check: what the OpenSSL/Node code means for an
// operator and which setting to look at.
export function describeTlsError(code: string): string {
  if (
    /ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_REQUIRED|CERTIFICATE_UNKNOWN|DECRYPT_ERROR|ACCESS_DENIED|HANDSHAKE_FAILURE)/.test(
      code,
    )
  ) {
    return `D1 refused our client certificate (${code}): D1_TLS_CERT_FILE must be the certificate Thales signed for this environment.`;
  }
  if (code === "CLOSED_AFTER_HANDSHAKE") {
    return "D1 refused our client certificate (it closed the connection right after the handshake): D1_TLS_CERT_FILE must be the certificate Thales signed for this environment.";
  }
  if (
    /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT/.test(
      code,
    )
  ) {
    return `D1's server certificate does not chain to a trusted CA (${code}): check D1_TLS_CA_FILE.`;
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID")
    return `D1's server certificate is not for this host name (${code}): check the URL.`;
  if (code === "CERT_HAS_EXPIRED") return `D1's server certificate has expired (${code}).`;
  if (/KEY_VALUES_MISMATCH/.test(code)) return `the client certificate and key do not belong together (${code}).`;
  if (code === "ECONNREFUSED") return `nothing accepts connections there (${code}).`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `the host name does not resolve (${code}).`;
  if (code === "timeout") return "no answer within the timeout (firewall or wrong address?).";
  return `the connection failed (${code}).`;
}
