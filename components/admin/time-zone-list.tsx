// The time zones a branch may use, as suggestions for a free-text input: typing "Berlin" offers
// Europe/Berlin. Rendered on the server from the same list the server validates against
// (lib/validations/branch.ts), so the browser's own ICU data cannot disagree with it.
/** The id the page's list and the form's input share. */
export const TIME_ZONE_LIST_ID = "time-zones";

export function TimeZoneList({ id }: { id: string }) {
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <datalist id={id}>
      {(zones.includes("UTC") ? zones : ["UTC", ...zones]).map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}
