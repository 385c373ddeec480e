/** A CSV download of one table with the page's range; the hidden words say which table. */
export function CsvLink({ query, report, what }: { query: string; report: string; what: string }) {
  return (
    <a
      href={`/api/manager/reports/export?${query}&report=${report}`}
      download
      className="text-sm text-brand-700 underline"
    >
      Download CSV<span className="sr-only">: {what}</span>
    </a>
  );
}
