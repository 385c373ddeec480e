// A request's reference, short enough for a tab's title: the support reference (`req-` and a
// uuid) cut to its first 8 hex digits. The counter's search finds a request by this prefix.
export function shortReference(issuerRequestId: string): string {
  return issuerRequestId.slice(0, "req-".length + 8);
}
