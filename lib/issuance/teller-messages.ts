// What a teller is told about a job, in sentences that say what happened and what to do.
// D1 does not publish its exception reasons; the known words map to advice, anything else is
// shown as D1 sent it.
const REASONS: Array<[RegExp, string]> = [
  [/jam/i, "The card jammed in the station. Clear the jam, then retry on this or another station."],
  [/chip/i, "The chip could not be written. Retry, preferably on another station."],
  [/stock|no blank/i, "The station has no blank cards left for this product. Refill it or retry on another station."],
  [
    /offline|did not answer|unreachable/i,
    "The station is offline. Check that it is switched on and connected, or retry on another station.",
  ],
  [/cancel/i, "Production was canceled."],
  [
    /data|personali[sz]ation/i,
    "D1 could not prepare the card data. Retrying may help; if it fails again, contact support.",
  ],
];

export function exceptionAdvice(reason: string | null): string {
  if (!reason) return "The station reported a problem. Retry on another station, or cancel.";
  return (
    REASONS.find(([re]) => re.test(reason))?.[1] ??
    `The station reported: “${reason}”. Retry on another station, or cancel.`
  );
}

export function stateSentence(job: {
  state: string;
  errorCode: string | null;
  errorMessage: string | null;
  panLast4: string | null;
}): string {
  switch (job.state) {
    case "submitting":
      return job.errorCode === "unavailable:d1"
        ? "D1 is not reachable right now. The request is kept and sent again automatically; nothing else to do."
        : "Sending the order to D1…";
    case "requested":
      return "D1 accepted the order. Waiting for the station.";
    case "ready":
      return "The card data is at the station. Printing…";
    case "done":
      // The last four digits can arrive after the state; never say (or announce) a placeholder.
      return job.panLast4
        ? `Card produced. Hand the card ending in ${job.panLast4} to the customer.`
        : "Card produced. Hand the card to the customer.";
    case "production_exception":
    case "data_exception":
      return exceptionAdvice(job.errorMessage);
    case "submission_failed":
      return job.errorMessage ?? "D1 did not accept the order. Retry on another station, or cancel.";
    case "canceled":
      return "Production was canceled.";
    default:
      return "Status unknown.";
  }
}
