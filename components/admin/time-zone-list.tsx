// The time zones a branch may use, as suggestions for a free-text input: typing "Berlin" offers
// Europe/Berlin. Rendered on the server from the same list the server validates against
// (lib/validations/branch.ts), so the browser's own ICU data cannot disagree with it. Each zone
// is labelled with its name in the user's language (Mitteleuropäische Zeit), so that name finds
// it too; the value stays the IANA id the branch stores.
import { useLocale } from "next-intl";

/** The id the page's list and the form's input share. */
export const TIME_ZONE_LIST_ID = "time-zones";

/** "Central European Time" for Europe/Berlin in English; the id itself when Intl has no name. */
export function timeZoneName(zone: string, locale: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "longGeneric" })
    .formatToParts(new Date(0))
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? zone;
}

export function TimeZoneList({ id }: { id: string }) {
  const locale = useLocale();
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <datalist id={id}>
      {(zones.includes("UTC") ? zones : ["UTC", ...zones]).map((zone) => (
        <option key={zone} value={zone} label={timeZoneName(zone, locale)} />
      ))}
    </datalist>
  );
}
